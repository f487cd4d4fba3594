package io.jdisco.worker.fn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdisco.worker.Bytes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollectorTest {
    private static final Bytes LINE = Bytes.latin1("one two");

    @Test
    void collectSliceGivesAPlainCollectorTheSliceAsAKey() throws Exception {
        List<Object> got = new ArrayList<>();
        Collector<Bytes, Long> out = (key, value) -> got.add(List.of(key, value));
        Collector.collectSlice(out, LINE, 4, 7, 2L);
        assertEquals(List.of(List.of(Bytes.latin1("two"), 2L)), got);
    }

    @Test
    void collectSliceGivesASliceCollectorTheRange() throws Exception {
        List<Object> got = new ArrayList<>();
        SliceCollector<Long> out = new SliceCollector<>() {
            @Override
            public void collect(Bytes key, Long value) {
                got.add("whole " + key);
            }

            @Override
            public void collectSlice(Bytes source, int from, int to, Long value) {
                got.add(List.of(source, from, to, value));
            }
        };
        Collector.collectSlice(out, LINE, 0, 3, 1L);
        assertEquals(List.of(List.of(LINE, 0, 3, 1L)), got);
    }

    @Test
    void collectSliceRefusesARangeOutsideTheSource() {
        Collector<Bytes, Long> out = (key, value) -> { };
        assertThrows(IndexOutOfBoundsException.class, () -> Collector.collectSlice(out, LINE, 4, 8, 1L));
    }
}
