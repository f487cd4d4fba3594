package io.jdisco.worker.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** What a person is shown of a failure event: its text without a stack trace. */
class JobEventSummaryTest {
    @Test
    void javaStackTraceIsCutToItsFirstLine() {
        String trace = "ERROR: [map:0] io.jdisco.worker.DataException: Unable to access resource (file:///x): gone\n"
                + "\tat io.jdisco.Foo.bar(Foo.java:12)\n\tat io.jdisco.Foo.main(Foo.java:3)\n"
                + "Caused by: java.nio.file.NoSuchFileException: /x\n\t... 2 more\n";
        JobEvent event = new JobEvent(LocalDateTime.now(), "localhost", trace);
        assertEquals("ERROR: [map:0] io.jdisco.worker.DataException: Unable to access resource (file:///x): gone",
                event.summary());
    }

    @Test
    void pythonTracebackIsCutToItsExceptionLine() {
        assertEquals("ERROR: [map:0] DataError: Unable to access resource (http://h/x): 404",
                JobEvent.withoutTrace("ERROR: [map:0] Traceback (most recent call last):\n  File \"w.py\", line 3,"
                        + " in <module>\n    main()\nDataError: Unable to access resource (http://h/x): 404\n"));
    }

    @Test
    void textWithoutATraceIsKeptWhole() {
        assertEquals("ERROR: [map:0] Worker died. Last words:\nat the end", JobEvent.withoutTrace(
                "ERROR: [map:0] Worker died. Last words:\nat the end\n"));
        assertEquals("FATAL: [map:1] boom", JobEvent.withoutTrace("FATAL: [map:1] boom"));
        assertEquals("", JobEvent.withoutTrace(""));
    }
}
