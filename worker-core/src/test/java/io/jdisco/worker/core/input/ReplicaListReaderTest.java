package io.jdisco.worker.core.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.DataException;
import io.jdisco.worker.core.testing.ListReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicaListReaderTest {
    private static final List<String> RECORDS = List.of("a", "b", "c", "d");

    private static List<String> drain(ReplicaListReader<String> r) throws IOException {
        List<String> out = new ArrayList<>();
        while (r.advance()) {
            out.add(r.current());
        }
        return out;
    }

    @Test
    void resumesOnTheNextReplicaAfterTheRecordsAlreadyRead() throws IOException {
        Map<String, Integer> failAfter = Map.of("http://a/x", 2, "http://b/x", -1);
        ReplicaListReader<String> r = new ReplicaListReader<>(List.of("http://a/x", "http://b/x"),
                url -> new ListReader<>(url, RECORDS, failAfter.get(url)));
        assertEquals(RECORDS, drain(r), "no record lost, none repeated");
        assertEquals("http://b/x", r.url());
    }

    @Test
    void replicaThatCannotBeOpenedIsSkipped() throws IOException {
        ReplicaListReader<String> r = new ReplicaListReader<>(List.of("http://down/x", "http://up/x"), url -> {
            if (url.contains("down")) {
                throw new DataException("connection refused", url);
            }
            return new ListReader<>(url, RECORDS, -1);
        });
        assertEquals(RECORDS, drain(r));
    }

    @Test
    void exhaustedReplicasRaiseDataExceptionWithTheLastError() {
        ReplicaListReader<String> r = new ReplicaListReader<>(List.of("http://a/x", "http://b/x"),
                url -> new ListReader<>(url, RECORDS, 1));
        DataException e = assertThrows(DataException.class, () -> drain(r));
        assertTrue(e.getMessage().contains("Exhausted all available replicas"), e.getMessage());
        assertTrue(e.getMessage().contains("connection reset"), e.getMessage());
    }

    @Test
    void shorterReplicaIsADataError() {
        ReplicaListReader<String> r = new ReplicaListReader<>(List.of("http://a/x", "http://b/x"),
                url -> url.contains("a/") ? new ListReader<>(url, RECORDS, 3) : new ListReader<>(url, List.of("a"), -1));
        DataException e = assertThrows(DataException.class, () -> drain(r));
        assertTrue(e.getCause().getMessage().contains("replica ended after 1 records but 3"), e.getCause().getMessage());
    }

    @Test
    void emptyReplicaListIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ReplicaListReader<String>(List.of(),
                url -> new ListReader<>(url, RECORDS, -1)));
    }
}
