package io.jdisco.worker.core.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.DataException;
import io.jdisco.worker.core.protocol.message.Replica;
import io.jdisco.worker.core.testing.ListReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Serial, parallel and merged views over all inputs (SPEC §8.4). */
class CombinedInputsTest {
    private static final Map<String, List<String>> DATA = Map.of(
            "u0", List.of("a", "d", "g"), "u1", List.of("b", "e"), "u2", List.of("c", "f", "h"));

    private static TaskInputs inputs(ScriptedMaster master) {
        return new TaskInputs(master, url -> false, InputErrPolicy.REPORT);
    }

    private static ScriptedMaster threeInputs() {
        return new ScriptedMaster().input(0, new Replica(0, "u0")).input(1, new Replica(0, "u1"))
                .input(2, new Replica(0, "u2"));
    }

    private static RecordOpener<String> opener() {
        return url -> new ListReader<>(url, DATA.get(url), -1);
    }

    private static List<String> collect(Iterable<String> in) {
        List<String> out = new ArrayList<>();
        in.forEach(out::add);
        return out;
    }

    @Test
    void serialInputReadsInputsInTheMastersOrder() {
        ScriptedMaster master = threeInputs();
        assertEquals(List.of("a", "d", "g", "b", "e", "c", "f", "h"), collect(inputs(master).serial(opener())));
        assertEquals(List.of("exclude []", "include [0]", "include [1]", "include [2]"), master.requests);
    }

    @Test
    void parallelInputReadsEveryRecordLastInputFirst() {
        assertEquals(List.of("c", "f", "h", "b", "e", "a", "d", "g"), collect(inputs(threeInputs()).parallel(opener())));
    }

    @Test
    void mergedInputMergesSortedInputs() {
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g", "h"),
                collect(inputs(threeInputs()).merged(opener(), Comparator.naturalOrder())));
    }

    @Test
    void mergedInputKeepsInputOrderForEqualRecords() {
        ScriptedMaster master = new ScriptedMaster().input(0, new Replica(0, "x0")).input(1, new Replica(0, "x1"));
        RecordOpener<String> o = url -> new ListReader<>(url, List.of("k" + url, "k" + url), -1);
        Comparator<String> byFirstChar = Comparator.comparing(s -> s.charAt(0));
        assertEquals(List.of("kx0", "kx0", "kx1", "kx1"), collect(inputs(master).merged(o, byFirstChar)));
    }

    @Test
    void secondIteratorIsRefused() {
        SerialInput<String> in = inputs(threeInputs()).serial(opener());
        in.iterator();
        IllegalStateException e = assertThrows(IllegalStateException.class, in::iterator);
        assertTrue(e.getMessage().contains("single-pass"), e.getMessage());
    }

    @Test
    void iteratorWrapsDataExceptionInUncheckedIOException() {
        ScriptedMaster master = new ScriptedMaster().input(0, new Replica(0, "bad"));
        master.failOnInputErr = true;
        RecordOpener<String> o = url -> new ListReader<>(url, List.of("x"), 0);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> collect(inputs(master).serial(o)));
        assertInstanceOf(DataException.class, e.getCause());
    }
}
