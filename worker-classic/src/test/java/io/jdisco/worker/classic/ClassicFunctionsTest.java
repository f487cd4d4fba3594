package io.jdisco.worker.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdisco.worker.Params;
import io.jdisco.worker.Tuple;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassicFunctionsTest {
    @Test
    void sumCombinerBuffersUntilDoneThenEmitsAndClears() throws Exception {
        Map<Object, Object> buf = new LinkedHashMap<>();
        var c = ClassicFunctions.sumCombiner();
        assertNull(c.combine("a", 1L, buf, false, new Params()));
        c.combine("b", 2, buf, false, new Params());
        c.combine("a", 3L, buf, false, new Params());
        assertEquals(List.of(Tuple.pair("a", 4L), Tuple.pair("b", 2L)), c.combine(null, null, buf, true, new Params()));
        assertEquals(Map.of(), buf);
    }

    @Test
    void sumCombinerRefusesANonNumberEvenForAKeySeenOnce() {
        // Python's buf[key] = buf.get(key, 0) + value raises TypeError on the first value already.
        var c = ClassicFunctions.sumCombiner();
        assertThrows(IllegalArgumentException.class,
                () -> c.combine("a", "text", new LinkedHashMap<>(), false, new Params()));
    }

    @Test
    void addWidensOnOverflowAndMixesDoubles() {
        assertEquals(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE), ClassicFunctions.add(Long.MAX_VALUE, 1));
        assertEquals(2.5, ClassicFunctions.add(1, 1.5));
        assertThrows(IllegalArgumentException.class, () -> ClassicFunctions.add("a", 1));
    }

    @Test
    void sumReduceSumsPerKeyInFirstSeenOrder() throws Exception {
        Iterable<Tuple> out = ClassicFunctions.sumReduce().reduce(
                List.of(Tuple.pair("b", 1L), Tuple.pair("a", 2L), Tuple.pair("b", 3L)), new Params());
        List<Tuple> pairs = new java.util.ArrayList<>();
        out.forEach(pairs::add);
        assertEquals(List.of(Tuple.pair("b", 4L), Tuple.pair("a", 2L)), pairs);
    }

    @Test
    void nopMapRefusesEntriesThatAreNotPairs() {
        assertThrows(IllegalArgumentException.class, () -> ClassicFunctions.nopMap().map("x", new Params()));
    }
}
