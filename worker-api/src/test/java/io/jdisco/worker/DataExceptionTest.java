package io.jdisco.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DataExceptionTest {
    @Test
    void messageNamesTheResourceAsDiscoDoes() {
        DataException e = new DataException("Truncated data at 14 bytes", "file:///x");
        assertEquals("Unable to access resource (file:///x): Truncated data at 14 bytes", e.getMessage());
        assertEquals("file:///x", e.url());
    }

    @Test
    void commExceptionCarriesStatus() {
        CommException e = new CommException("Not Found", "http://h/x", 404);
        assertEquals(404, e.status().getAsInt());
        assertTrue(e.getMessage().endsWith("Not Found (404)"), e.getMessage());
        assertTrue(new CommException("refused", "http://h/x", -1).status().isEmpty());
    }

    @Test
    void jobExceptionNamesTheJob() {
        assertEquals("Job wc@1:2:3 failed: Status dead", new JobException("wc@1:2:3", "Status dead").getMessage());
    }
}
