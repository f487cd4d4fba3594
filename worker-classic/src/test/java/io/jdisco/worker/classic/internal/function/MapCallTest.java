package io.jdisco.worker.classic.internal.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdisco.worker.fn.Emitter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MapCallTest {
    @Test
    void aMapBoundIntoAnEmitterSendsEveryEntrysPairsThere() throws Exception {
        MapCall twice = (entry, out) -> {
            out.emit(entry, 1L);
            out.emit(entry, 2L);
        };
        List<String> pairs = new ArrayList<>();
        Emitter out = (key, value) -> pairs.add(key + "=" + value);
        MapCall.EntryMap bound = twice.into(out);
        bound.map("a");
        bound.map("b");
        assertEquals(List.of("a=1", "a=2", "b=1", "b=2"), pairs);
    }

    @Test
    void aMapIsNotBoundIntoNoEmitter() {
        MapCall none = (entry, out) -> { };
        assertThrows(NullPointerException.class, () -> none.into(null));
    }
}
