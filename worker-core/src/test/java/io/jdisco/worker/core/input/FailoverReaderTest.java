package io.jdisco.worker.core.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.DataException;
import io.jdisco.worker.core.protocol.message.InputEntry;
import io.jdisco.worker.core.protocol.message.InputReply;
import io.jdisco.worker.core.protocol.message.MasterMessage;
import io.jdisco.worker.core.protocol.message.Replica;
import io.jdisco.worker.core.testing.ListReader;
import io.jdisco.worker.io.RecordReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Replica fail-over with resume (SPEC §8.3, §8.7). */
class FailoverReaderTest {
    private static final List<String> RECORDS = List.of("r0", "r1", "r2", "r3", "r4", "r5");

    /** Opens URLs from a table: failAfter per URL (absent: unreadable), recording each open. */
    private final Map<String, Integer> failAfter = new HashMap<>();
    private final List<String> opened = new ArrayList<>();

    private RecordReader<String> open(String url) throws IOException {
        opened.add(url);
        Integer n = failAfter.get(url);
        if (n == null) {
            throw new FileNotFoundException(url);
        }
        return new ListReader<>(url, RECORDS, n);
    }

    private static List<String> readAll(RecordReader<String> r) throws IOException {
        List<String> out = new ArrayList<>();
        while (r.advance()) {
            out.add(r.current());
        }
        return out;
    }

    private FailoverReader<String> reader(ScriptedMaster master, Set<String> local, InputErrPolicy policy) {
        IdedInput input = new IdedInput(0, 0, master.inputs.get(0));
        return new FailoverReader<>(input, master, this::open, local::contains, policy);
    }

    @Test
    void replicaFailingHalfWayResumesOnTheNextReplicaAfterTheLastSeenRecord() throws Exception {
        ScriptedMaster master = new ScriptedMaster().input(0, new Replica(0, "http://a/x"), new Replica(1, "http://b/x"));
        failAfter.put("http://a/x", 3);
        failAfter.put("http://b/x", -1);
        assertEquals(RECORDS, readAll(reader(master, Set.of(), InputErrPolicy.REPORT)));
        assertEquals(List.of("http://a/x", "http://b/x"), opened);
        assertEquals(List.of("include [0]"), master.requests);
    }

    @Test
    void existingLocalReplicaIsTriedFirst() throws Exception {
        ScriptedMaster master = new ScriptedMaster().input(0, new Replica(0, "http://a/x"), new Replica(1, "disco://me/x"));
        failAfter.put("http://a/x", -1);
        failAfter.put("disco://me/x", -1);
        assertEquals(RECORDS, readAll(reader(master, Set.of("disco://me/x"), InputErrPolicy.REPORT)));
        assertEquals(List.of("disco://me/x"), opened);
    }

    @Test
    void exhaustedReplicasAreReportedAndRetryContinuesFromTheNextUnseenRecord() throws Exception {
        ScriptedMaster master = new ScriptedMaster().input(0, new Replica(0, "http://a/x"), new Replica(1, "http://b/x"));
        failAfter.put("http://a/x", 2);
        failAfter.put("http://b/x", -1);
        // The worker first knows only replica 0; the master's RETRY names replica 1.
        IdedInput input = new IdedInput(0, 0, List.of());
        InputMaster onlyFirst = new InputMaster() {
            @Override
            public InputReply exclude(List<Integer> ids) {
                return master.exclude(ids);
            }

            @Override
            public InputReply include(List<Integer> ids) {
                master.include(ids);
                return new InputReply(true, List.of(new InputEntry(0, "ok", 0, List.of(new Replica(0, "http://a/x")))));
            }

            @Override
            public MasterMessage inputError(int id, List<Integer> failed) {
                return master.inputError(id, failed);
            }
        };
        FailoverReader<String> r = new FailoverReader<>(input, onlyFirst, this::open, url -> false, InputErrPolicy.REPORT);
        assertEquals(RECORDS, readAll(r));
        assertEquals(List.of("include [0]", "input_err 0 [0]"), master.requests);
    }

    @Test
    void failReplyRaisesDataExceptionNamingTheInputAndLastError() {
        ScriptedMaster master = new ScriptedMaster().input(0, new Replica(0, "http://a/x"), new Replica(1, "http://b/x"));
        failAfter.put("http://a/x", 1);
        failAfter.put("http://b/x", 0);
        DataException e = assertThrows(DataException.class, () -> readAll(reader(master, Set.of(), InputErrPolicy.REPORT)));
        assertTrue(e.getMessage().contains("Exhausted all available replicas of input 0"), e.getMessage());
        assertTrue(e.getMessage().contains("last error was: Unable to access resource (http://b/x): connection reset after 0 records"), e.getMessage());
        assertEquals("http://b/x", e.url());
        assertEquals(List.of("include [0]", "input_err 0 [0, 1]"), master.requests);
    }

    @Test
    void silentModeNeverSendsInputErr() {
        ScriptedMaster master = new ScriptedMaster().input(0, new Replica(0, "http://a/x"), new Replica(1, "http://b/x"));
        failAfter.put("http://a/x", 4);
        assertThrows(DataException.class, () -> readAll(reader(master, Set.of(), InputErrPolicy.SILENT)));
        assertEquals(List.of("include [0]"), master.requests);
        assertEquals(List.of("http://a/x", "http://b/x"), opened);
    }

    @Test
    void replicaShorterThanWhatWasDeliveredFailsOver() throws Exception {
        ScriptedMaster master = new ScriptedMaster().input(0, new Replica(0, "http://a/x"), new Replica(1, "http://b/x"),
                new Replica(2, "http://c/x"));
        failAfter.put("http://a/x", 4);
        failAfter.put("http://b/x", 2);
        failAfter.put("http://c/x", -1);
        assertEquals(RECORDS, readAll(reader(master, Set.of(), InputErrPolicy.REPORT)));
        assertEquals(List.of("http://a/x", "http://b/x", "http://c/x"), opened);
    }

    @Test
    void includeReplyForAnotherIdIsAnUnknownInputError() {
        ScriptedMaster master = new ScriptedMaster().input(0, new Replica(0, "http://a/x"));
        InputMaster wrong = new InputMaster() {
            @Override
            public InputReply exclude(List<Integer> ids) {
                return master.exclude(ids);
            }

            @Override
            public InputReply include(List<Integer> ids) {
                return new InputReply(true, List.of(new InputEntry(7, "ok", 0, List.of())));
            }

            @Override
            public MasterMessage inputError(int id, List<Integer> failed) {
                return master.inputError(id, failed);
            }
        };
        FailoverReader<String> r = new FailoverReader<>(new IdedInput(0, 0, List.of()), wrong, this::open, u -> false,
                InputErrPolicy.REPORT);
        UnknownInputException e = assertThrows(UnknownInputException.class, r::advance);
        assertEquals("INPUT reply lists input ids [7] but the worker asked for [0]", e.getMessage());
    }

    @Test
    void inputWithoutReplicasHasNoRecords() throws Exception {
        ScriptedMaster master = new ScriptedMaster().input(0);
        assertEquals(List.of(), readAll(reader(master, Set.of(), InputErrPolicy.REPORT)));
        assertEquals(List.of(), opened);
    }
}
