package io.jdisco.worker.classic.internal.sort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.Tuple;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class PicklePairCodecTest {
    @Test
    void pairIsThePickleDiscoStores() throws Exception {
        // SPEC §7.5: ('a', 1) -> 28 55 01 61 4b 01 74 71 01 2e (py2 str 'a' is Bytes)
        byte[] b = new PicklePairCodec().encode(Tuple.pair(Bytes.utf8("a"), 1L));
        assertArrayEquals(HexFormat.of().parseHex("285501614b017471012e"), b);
    }

    @Test
    void decodedPairsAreEqualFreshObjects() throws Exception {
        PicklePairCodec c = new PicklePairCodec();
        Tuple in = Tuple.pair(Tuple.of("x", 2L), List.of(1L, "b"));
        byte[] b = c.encode(in);
        Tuple one = c.decode(b, 0, b.length);
        Tuple two = c.decode(b, 0, b.length);
        assertEquals(in, one);
        assertNotSame(one.value(), two.value());
    }
}
