package io.jdisco.worker.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.DataException;
import io.jdisco.worker.core.client.FakeMaster.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DiscoEventsTest {
    private static final String JOB = "J@1:2:3";
    private static final String LINE1 = "[\"2014/10/27 12:00:00\",\"master\",\"SYS: Job started\"]\n";
    private static final String LINE2 =
            "[\"2014/10/27 12:00:05\",\"n1\",\"MSG: [map:0] \\u00c4\\u00e4rett\\u00f6myys\"]\n";
    private static final String LINE3 = "[\"2014/10/27 12:01:00\",\"n1\",\"DONE: [map:0] ok\"]\n";

    private final FakeMaster master;
    private final Disco disco;
    private final AtomicReference<byte[]> log = new AtomicReference<>(new byte[0]);

    DiscoEventsTest() throws IOException {
        master = new FakeMaster();
        master.file("/disco/ctrl/rawevents", log);
        disco = new Disco(master.url());
    }

    @AfterEach
    void stop() {
        master.close();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void eachLineBecomesTimestampHostAndMessage() throws Exception {
        log.set(bytes(LINE1 + LINE2));
        JobEvents page = disco.events(JOB, 0);
        assertEquals(List.of(
                new JobEvent(LocalDateTime.of(2014, 10, 27, 12, 0, 0), "master", "SYS: Job started"),
                new JobEvent(LocalDateTime.of(2014, 10, 27, 12, 0, 5), "n1",
                        "MSG: [map:0] \u00c4\u00e4rett\u00f6myys")), page.events());
        assertEquals(bytes(LINE1 + LINE2).length, page.nextOffset());
    }

    @Test
    void requestAsksForTheRangeFromTheOffset() throws Exception {
        log.set(bytes(LINE1 + LINE2));
        int offset = bytes(LINE1).length;
        disco.events(JOB, offset);
        FakeMaster.Request request = master.requests("/disco/ctrl/rawevents").get(0);
        assertEquals("bytes=" + offset + "-", request.header("Range"));
        assertEquals("name=J%401%3A2%3A3", request.query());
    }

    @Test
    void pagingByOffsetReturnsOnlyNewerEvents() throws Exception {
        log.set(bytes(LINE1 + LINE2));
        JobEvents first = disco.events(JOB, 0);
        log.set(bytes(LINE1 + LINE2 + LINE3));
        JobEvents second = disco.events(JOB, first.nextOffset());
        assertEquals(1, second.events().size());
        assertEquals("DONE: [map:0] ok", second.events().get(0).message());
        assertEquals(bytes(LINE1 + LINE2 + LINE3).length, second.nextOffset());
    }

    @Test
    void lineStillBeingWrittenIsLeftForTheNextPage() throws Exception {
        log.set(bytes(LINE1 + LINE3.substring(0, 20)));
        JobEvents first = disco.events(JOB, 0);
        assertEquals(1, first.events().size());
        assertEquals(bytes(LINE1).length, first.nextOffset());
        log.set(bytes(LINE1 + LINE3));
        assertEquals("DONE: [map:0] ok",
                disco.events(JOB, first.nextOffset()).events().get(0).message());
    }

    @Test
    void offsetAtTheEndGivesAnEmptyPageAtTheSameOffset() throws Exception {
        log.set(bytes(LINE1));
        long end = bytes(LINE1).length;
        assertEquals(new JobEvents(List.of(), end), disco.events(JOB, end));
    }

    @Test
    void serverIgnoringRangeStillPagesFromTheOffset() throws Exception {
        master.route("GET", "/disco/ctrl/rawevents", new Reply(200, bytes(LINE1 + LINE3)));
        JobEvents page = disco.events(JOB, bytes(LINE1).length);
        assertEquals(1, page.events().size());
        assertEquals("DONE: [map:0] ok", page.events().get(0).message());
    }

    @Test
    void malformedLineIsDataExceptionNamingItsOffset() {
        log.set(bytes(LINE1 + "not json\n"));
        DataException e = assertThrows(DataException.class, () -> disco.events(JOB, 0));
        assertTrue(e.getMessage().contains("byte " + bytes(LINE1).length), e.getMessage());
        assertTrue(e.url().contains("rawevents"), e.url());
    }

    @Test
    void badTimestampIsDataException() {
        log.set(bytes("[\"27.10.2014\",\"n1\",\"x\"]\n"));
        DataException e = assertThrows(DataException.class, () -> disco.events(JOB, 0));
        assertTrue(e.getMessage().contains("'27.10.2014'"), e.getMessage());
    }

    @Test
    void negativeOffsetIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> disco.events(JOB, -1));
    }
}
