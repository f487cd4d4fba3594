package io.jdisco.taskio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.DataException;
import io.jdisco.worker.Tuple;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The pickle codec against SPEC §7.5's table and pickles made by Python 3.11 at protocols 0–4. */
class PickleCodecTest {
    static byte[] encode(Object o) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PickleCodec.INSTANCE.newEncoder().encode(o, out);
        return out.toByteArray();
    }

    static Object decode(byte[] b) throws DataException {
        RecordCodec.Decoder d = PickleCodec.INSTANCE.newDecoder();
        Object o = d.decode(b, 0, b.length);
        assertEquals(b.length, d.end(), "decoder must stop right after STOP");
        return o;
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    static Bytes b(String s) {
        return Bytes.of(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** SPEC §7.5's table: Python 2.7 cPickle.dumps(obj, 1). */
    static Stream<Arguments> specTable() {
        Map<Object, Object> d = new LinkedHashMap<>();
        d.put(b("a"), 1L);
        return Stream.of(
                Arguments.of(Tuple.pair(b("a"), 1L), "28 55 01 61 4b 01 74 71 01 2e"),
                Arguments.of(Tuple.pair(b("key"), b("value")), "28 55 03 6b6579 71 01 55 05 76616c7565 71 02 74 71 03 2e"),
                Arguments.of(Tuple.pair("a", 1.5), "28 58 01000000 61 47 3ff8000000000000 74 71 01 2e"),
                Arguments.of(Tuple.pair(Tuple.pair(b("x"), 2L), null), "28 28 55 01 78 4b 02 74 71 01 4e 74 71 02 2e"),
                Arguments.of(Tuple.pair(b("t"), true), "28 55 01 74 49 30 31 0a 74 71 01 2e"),
                Arguments.of(Tuple.pair(b("n"), -5L), "28 55 01 6e 4a fbffffff 74 71 01 2e"),
                Arguments.of(Tuple.pair(b("big"), 70000L), "28 55 03 626967 71 01 4a 70110100 74 71 02 2e"),
                Arguments.of(Tuple.pair(b("i32"), 1L << 31), "28 55 03 693332 71 01 49 32313437343833363438 0a 74 71 02 2e"),
                Arguments.of(Tuple.pair(b("l"), BigInteger.TWO.pow(70)),
                        "28 55 01 6c 4c 31313830353931363230373137343131333033343234 4c 0a 74 71 01 2e"),
                Arguments.of(Tuple.pair(b("lst"), List.of(1L, b("a"))),
                        "28 55 03 6c7374 71 01 5d 71 02 28 4b 01 55 01 61 65 74 71 03 2e"),
                Arguments.of(Tuple.pair(b("d"), d), "28 55 01 64 7d 71 01 55 01 61 4b 01 73 74 71 02 2e"),
                Arguments.of(Tuple.pair(b(""), b("")), "28 55 00 55 00 74 71 01 2e"),
                Arguments.of(Tuple.pair(b("e"), Tuple.EMPTY), "28 55 01 65 29 74 71 01 2e"),
                Arguments.of(Tuple.pair(b("u"), "\u00e4"), "28 55 01 75 58 02000000 c3a4 74 71 01 2e"));
    }

    @ParameterizedTest
    @MethodSource("specTable")
    void encodesLikePython2CPickle(Object value, String hex) throws IOException {
        assertEquals(hex.replace(" ", ""), HexFormat.of().formatHex(encode(value)));
    }

    @ParameterizedTest
    @MethodSource("specTable")
    void decodesPython2CPickle(Object value, String hex) throws IOException {
        assertEquals(value, decode(hex(hex)));
    }

    @Test
    void decodesTheMemoVariantsOfTheSpecTable() throws IOException {
        String x300 = "78".repeat(300);
        assertEquals(Tuple.pair(b("s"), b("x".repeat(300))), decode(hex("28 55 01 73 54 2c010000" + x300 + "74 71 01 2e")));
        assertEquals(Tuple.pair(b("e"), Tuple.EMPTY), decode(hex("28 55 01 65 29 74 2e")));
    }

    static final Map<Object, Object> DICT = new LinkedHashMap<>();
    static final Object PY3_OBJECT;

    static {
        DICT.put("a", 1L);
        DICT.put("b", new ArrayList<>(List.of(2L)));
        Set<Object> set = new LinkedHashSet<>(List.of(1L));
        PY3_OBJECT = Tuple.pair("k", new ArrayList<>(java.util.Arrays.asList(1L, -5L, 70000L, 1L << 31, BigInteger.TWO.pow(70),
                BigInteger.TWO.pow(70).negate(), 1.5, true, false, nullValue(), b("bytes"), Bytes.EMPTY,
                "uni\u00e9\u4e2d", Tuple.EMPTY, Tuple.of(1L), Tuple.of(1L, 2L), Tuple.of(1L, 2L, 3L), DICT, set,
                Long.MAX_VALUE, Long.MIN_VALUE, BigInteger.TWO.pow(63))));
    }

    private static Object nullValue() {
        return null;
    }

    /** {@code pickle.dumps(obj, p)} by Python 3.11.7 for the object above. */
    static final String[] PY3 = {
        "28566b0a70300a286c70310a49310a61492d350a614937303030300a614c323134373438333634384c0a614c313138303539313632303731373431313330333432344c0a614c2d313138303539313632303731373431313330333432344c0a6146312e350a614930310a614930300a614e61635f636f646563730a656e636f64650a70320a285662797465730a70330a566c6174696e310a70340a7470350a5270360a61635f5f6275696c74696e5f5f0a62797465730a70370a28745270380a6156756e69e95c75346532640a70390a612874612849310a747031300a612849310a49320a747031310a612849310a49320a49330a747031320a6128647031330a56610a7031340a49310a7356620a7031350a286c7031360a49320a617361635f5f6275696c74696e5f5f0a7365740a7031370a28286c7031380a49310a61747031390a527032300a614c393232333337323033363835343737353830374c0a614c2d393232333337323033363835343737353830384c0a614c393232333337323033363835343737353830384c0a61747032310a2e",
        "2858010000006b71005d7101284b014afbffffff4a701101004c323134373438333634384c0a4c313138303539313632303731373431313330333432344c0a4c2d313138303539313632303731373431313330333432344c0a473ff80000000000004930310a4930300a4e635f636f646563730a656e636f64650a71022858050000006279746573710358060000006c6174696e317104747105527106635f5f6275696c74696e5f5f0a62797465730a7107295271085808000000756e69c3a9e4b8ad710929284b0174710a284b014b0274710b284b014b024b0374710c7d710d28580100000061710e4b01580100000062710f5d71104b026175635f5f6275696c74696e5f5f0a7365740a7111285d71124b01617471135271144c393232333337323033363835343737353830374c0a4c2d393232333337323033363835343737353830384c0a4c393232333337323033363835343737353830384c0a657471152e",
        "800258010000006b71005d7101284b014afbffffff4a701101008a0500000080008a090000000000000000408a090000000000000000c0473ff800000000000088894e635f636f646563730a656e636f64650a710258050000006279746573710358060000006c6174696e317104867105527106635f5f6275696c74696e5f5f0a62797465730a7107295271085808000000756e69c3a9e4b8ad7109294b0185710a4b014b0286710b4b014b024b0387710c7d710d28580100000061710e4b01580100000062710f5d71104b026175635f5f6275696c74696e5f5f0a7365740a71115d71124b01618571135271148a08ffffffffffffff7f8a0800000000000000808a09000000000000008000658671152e",
        "800358010000006b71005d7101284b014afbffffff4a701101008a0500000080008a090000000000000000408a090000000000000000c0473ff800000000000088894e430562797465737102430071035808000000756e69c3a9e4b8ad7104294b018571054b014b028671064b014b024b038771077d71082858010000006171094b01580100000062710a5d710b4b026175636275696c74696e730a7365740a710c5d710d4b016185710e52710f8a08ffffffffffffff7f8a0800000000000000808a09000000000000008000658671102e",
        "800495a1000000000000008c016b945d94284b014afbffffff4a701101008a0500000080008a090000000000000000408a090000000000000000c0473ff800000000000088894e43056279746573944300948c08756e69c3a9e4b8ad94294b0185944b014b0286944b014b024b0387947d94288c0161944b018c0162945d944b0261758f94284b01908a08ffffffffffffff7f8a0800000000000000808a090000000000000080006586942e",
    };

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void decodesPython3PicklesOfEveryProtocol(int protocol) throws IOException {
        assertEquals(PY3_OBJECT, decode(hex(PY3[protocol])));
    }

    @Test
    void sharedObjectsComeBackThroughTheMemo() throws IOException {
        Object o = decode(hex("285d71004b016168007471012e"));
        Tuple t = (Tuple) o;
        assertEquals(List.of(1L), t.get(0));
        assertTrue(t.get(0) == t.get(1), "BINGET must return the memoized list itself");
    }

    @Test
    void decodesPython2TextOpcodes() throws IOException {
        byte[] p = "(S'a\\n\\x00\\'q'\nI01\nI00\nV\\u00e9x\\\\u\nF-2.5\nL12L\nI-7\nS\"it's\"\nt.".getBytes(StandardCharsets.ISO_8859_1);
        Tuple expected = Tuple.of(b("a\n\0'q"), true, false, "\u00e9x\\\\u", -2.5, 12L, -7L, b("it's"));
        assertEquals(expected, decode(p));
    }

    @Test
    void decodesListAndDictBuiltWithMarks() throws IOException {
        byte[] p = "(lp0\nI1\naI2\na(dp1\nS'k'\np2\nNs.".getBytes(StandardCharsets.ISO_8859_1);
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(b("k"), null);
        List<Object> list = new ArrayList<>(List.of(1L, 2L));
        assertEquals(m, decode(p));
        assertEquals(list, decode("(lp0\nI1\naI2\na.".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "63 5f5f6d61696e5f5f0a466f6f0a 29 52 2e",            // __main__.Foo()
        "63 6f730a73797374656d0a 28 55 02 6c73 74 52 2e",    // os.system('ls')
        "28 4e 74 62 2e",                                    // BUILD
        "28 69 5f5f6d61696e5f5f0a466f6f0a 2e",               // INST
        "28 4e 6f 2e",                                       // OBJ
        "80 02 4e 29 81 2e",                                 // NEWOBJ
        "82 01 2e",                                          // EXT1
        "50 31 0a 2e",                                       // PERSID
        "4e 51 2e"                                           // BINPERSID
    })
    void refusesEverythingButData(String hex) {
        DataException e = assertThrows(DataException.class, () -> decode(hex(hex)));
        assertTrue(e.detail().startsWith("unsupported pickle content"), e.detail());
    }

    @Test
    void aDeclaredLengthBeyondTheDataFailsWithoutAllocating() {
        DataException e = assertThrows(DataException.class, () -> decode(hex("54 ffffff7f 61 2e")));
        assertTrue(e.detail().contains("2147483647 bytes"), e.detail());
    }

    @Test
    void aPickleWithoutStopFails() {
        DataException e = assertThrows(DataException.class, () -> decode(hex("28 55 01 61 74")));
        assertTrue(e.detail().contains("without a STOP"), e.detail());
    }

    @Test
    void aListUsedAsADictKeyFails() {
        DataException e = assertThrows(DataException.class, () -> decode(hex("7d 5d 4e 73 2e")));
        assertTrue(e.detail().contains("unhashable"), e.detail());
    }

    @Test
    void roundTripsEveryMappedType() throws IOException {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(Tuple.pair(b("k"), 1L), List.of(Set.of("x")));
        m.put("\uD83D\uDE00", -1.0e300);
        Object v = Tuple.of(null, true, false, 0L, 255L, 256L, 65535L, 65536L, -1L, Long.MAX_VALUE, Long.MIN_VALUE,
                BigInteger.TEN.pow(40).negate(), Double.NaN, b("\u0000\u00ff"), "", "\u4e2d", m, Tuple.EMPTY,
                List.of(), Map.of(), Bytes.of(new byte[70000]));
        Object back = decode(encode(v));
        assertEquals(v, back);
    }

    @Test
    void writesIntegerShortAndByteAsPythonInts() throws IOException {
        assertEquals(Tuple.of(7L, 300L, -2L), decode(encode(Tuple.of(7, (short) 300, (byte) -2))));
    }

    @Test
    void largeListsAreWrittenInBatchesOfAThousand() throws IOException {
        List<Object> big = new ArrayList<>();
        for (long i = 0; i < 2001; i++) {
            big.add(i);
        }
        byte[] p = encode(big);
        assertEquals(big, decode(p));
        // ] q1 ( 0..999 e ( 1000..1999 e M(2000) a .  -- cPickle's batch_list
        String tail = HexFormat.of().formatHex(p, p.length - 6, p.length);
        assertEquals("654dd007612e", tail);
    }

    @Test
    void memoKeysAbove255UseLongBinput() throws IOException {
        List<Object> strings = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            strings.add("s" + i);
        }
        byte[] p = encode(strings);
        assertTrue(new String(p, StandardCharsets.ISO_8859_1).contains("r\u0000\u0001\u0000\u0000"), "LONG_BINPUT 256");
        assertEquals(strings, decode(p));
    }

    @Test
    void anUnsupportedValueIsRefusedNamingItsType() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> encode(Tuple.pair("k", new Object())));
        assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
    }

    @Test
    void anUnpairedSurrogateIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> encode("a\uD800b"));
    }
}
