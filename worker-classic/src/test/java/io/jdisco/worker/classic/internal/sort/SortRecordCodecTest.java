package io.jdisco.worker.classic.internal.sort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.DataException;
import io.jdisco.worker.Tuple;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SortRecordCodecTest {
    private final SortRecordCodec codec = new SortRecordCodec();

    @Test
    void aByteStringPairIsItsKeyLengthKeyAndValue() throws Exception {
        byte[] b = codec.encode(Tuple.pair(Bytes.utf8("ab"), Bytes.utf8("xyz")));
        assertArrayEquals(HexFormat.of().parseHex("01" + "00000002" + "6162" + "78797a"), b);
    }

    @Test
    void anyOtherPairIsItsPickleAfterAZero() throws Exception {
        byte[] b = codec.encode(Tuple.pair(Bytes.utf8("a"), 1L));
        assertArrayEquals(HexFormat.of().parseHex("00" + "285501614b017471012e"), b);
    }

    @Test
    void pairsOfEveryKindDecodeToEqualFreshObjects() throws Exception {
        for (Tuple in : List.of(Tuple.pair(Bytes.utf8("k"), Bytes.utf8("v")), Tuple.pair(Bytes.EMPTY, Bytes.EMPTY),
                Tuple.pair(Bytes.utf8("k"), 7L), Tuple.pair(Tuple.of("x", 2L), List.of(1L, "b")))) {
            byte[] b = codec.encode(in);
            Tuple one = codec.decode(b, 0, b.length);
            Tuple two = codec.decode(b, 0, b.length);
            assertEquals(in, one);
            assertNotSame(one, two);
        }
    }

    @Test
    void aRecordIsDecodedWhereItLies() throws Exception {
        byte[] pair = codec.encode(Tuple.pair(Bytes.utf8("key"), Bytes.utf8("value")));
        byte[] padded = new byte[pair.length + 7];
        System.arraycopy(pair, 0, padded, 3, pair.length);
        assertEquals(Tuple.pair(Bytes.utf8("key"), Bytes.utf8("value")), codec.decode(padded, 3, pair.length));
    }

    @Test
    void aKeyLengthBeyondTheRecordIsADataError() {
        byte[] b = HexFormat.of().parseHex("01" + "00000009" + "6162");
        DataException e = assertThrows(DataException.class, () -> codec.decode(b, 0, b.length));
        assertTrue(e.getMessage().contains("key length"), e.getMessage());
    }

    @Test
    void anUnknownRecordKindIsADataError() {
        byte[] b = {7, 1, 2};
        DataException e = assertThrows(DataException.class, () -> codec.decode(b, 0, b.length));
        assertTrue(e.getMessage().contains("unknown kind 7"), e.getMessage());
    }
}
