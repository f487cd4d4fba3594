package io.jdisco.worker.classic.typed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.taskio.PickleCodec;
import io.jdisco.taskio.RecordCodec;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.DataException;
import io.jdisco.worker.Tuple;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodecsTest {
    /** A bean with a map, to check that equal values give equal JSON text. */
    public static final class Bean {
        public String name;
        public Map<String, Integer> scores = new LinkedHashMap<>();
    }

    /** Not creatable from JSON: no no-argument constructor, not a record. */
    public static final class NoDefault {
        public final int x;

        public NoDefault(int x) {
            this.x = x;
        }
    }

    /** A record carried as a tuple of its components. */
    public record Hit(long number, Bytes line) {
    }

    /** A record one of whose components has no codec. */
    public record Odd(Object anything) {
    }

    private static byte[] pickle(Object record) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordCodec.Encoder encoder = PickleCodec.INSTANCE.newEncoder();
        encoder.encode(record, out);
        return out.toByteArray();
    }

    @Test
    void aStringLongPairIsPickledAsPython2WritesItAndReadAsPython3WroteIt() throws Exception {
        // cPickle.dumps((u'apple', 1), 1) by Python 2.7.18, which loads it back as (u'apple', 1).
        byte[] python2 = HexFormat.of().parseHex("2858050000006170706c6571014b017471022e");
        Object record = Tuple.pair(Codecs.of(String.class).encode("apple"), Codecs.of(Long.class).encode(1L));
        assertArrayEquals(python2, pickle(record));
        // The first record of the vector internal_py3_uncompressed.bin: pickle.dumps(('apple', 1), 1), Python 3.11.
        byte[] python3 = HexFormat.of().parseHex("2858050000006170706c6571004b017471012e");
        Tuple read = (Tuple) PickleCodec.INSTANCE.newDecoder().decode(python3, 0, python3.length);
        assertEquals("apple", Codecs.of(String.class).decode(read.key()));
        assertEquals(1L, Codecs.of(Long.class).decode(read.value()));
    }

    @Test
    void picklableTypesPassAsTheyAre() throws Exception {
        assertEquals("é", Codecs.of(String.class).encode("é"));
        assertEquals(5, Codecs.of(Integer.class).decode(5L));
        assertEquals(2.0, Codecs.of(Double.class).decode(2L));
        assertEquals(Bytes.utf8("ab"), Codecs.of(byte[].class).encode(new byte[] {'a', 'b'}));
        assertArrayEquals(new byte[] {1}, Codecs.of(byte[].class).decode(Bytes.of(new byte[] {1})));
        assertEquals(Tuple.of("a", 1L), Codecs.of(Tuple.class).decode(List.of("a", 1L)));
        assertNull(Codecs.of(Long.class).decode(null));
        assertNull(Codecs.of(String.class).encode(null));
    }

    @Test
    void aPython2ByteStringReadsAsAUtf8String() throws Exception {
        assertEquals("café", Codecs.of(String.class).decode(Bytes.utf8("café")));
        DataException e = assertThrows(DataException.class,
                () -> Codecs.of(String.class).decode(Bytes.of(new byte[] {(byte) 0xff})));
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
    }

    @Test
    void aValueOfAnotherTypeIsADataExceptionNamingBoth() {
        DataException e = assertThrows(DataException.class, () -> Codecs.of(Long.class).decode("seven"));
        assertTrue(e.getMessage().contains("expected a Long") && e.getMessage().contains("String seven"),
                e.getMessage());
        assertThrows(DataException.class, () -> Codecs.of(Integer.class).decode(1L << 40));
    }

    @Test
    void aRecordRoundTripsThroughItsJsonText() throws Exception {
        Codec<WordKey> codec = Codecs.of(WordKey.class);
        Object text = codec.encode(new WordKey("c", 3));
        assertEquals("{\"first\":\"c\",\"length\":3}", text);
        assertEquals(new WordKey("c", 3), codec.decode(text));
        assertEquals(new WordKey("c", 3), codec.decode(Bytes.utf8((String) text)));
    }

    @Test
    void equalBeansGiveEqualTextWhateverTheirMapOrder() throws Exception {
        Bean a = new Bean();
        a.name = "x";
        a.scores.put("b", 2);
        a.scores.put("a", 1);
        Bean b = new Bean();
        b.name = "x";
        b.scores.put("a", 1);
        b.scores.put("b", 2);
        Codec<Bean> codec = Codecs.of(Bean.class);
        assertEquals(codec.encode(a), codec.encode(b));
        assertEquals(Map.of("a", 1, "b", 2), codec.decode(codec.encode(a)).scores);
    }

    @Test
    void badJsonIsADataExceptionNamingTheType() {
        DataException e = assertThrows(DataException.class, () -> Codecs.of(WordKey.class).decode("{oops"));
        assertTrue(e.getMessage().contains(WordKey.class.getName()), e.getMessage());
    }

    @Test
    void aTupleCodedRecordIsPythonsTupleOfItsComponents() throws Exception {
        Codec<Hit> codec = Codecs.tuple(Hit.class);
        Object encoded = codec.encode(new Hit(7, Bytes.of(new byte[] {(byte) 0xff, 'a'})));
        assertEquals(Tuple.of(7L, Bytes.of(new byte[] {(byte) 0xff, 'a'})), encoded);
        assertEquals(new Hit(7, Bytes.of(new byte[] {(byte) 0xff, 'a'})), codec.decode(encoded));
        assertEquals(new Hit(3, Bytes.EMPTY), codec.decode(List.of(3L, Bytes.EMPTY)));
    }

    @Test
    void aTupleOfTheWrongSizeOrTypesIsADataException() {
        Codec<Hit> codec = Codecs.tuple(Hit.class);
        assertThrows(DataException.class, () -> codec.decode(Tuple.of(1L)));
        assertThrows(DataException.class, () -> codec.decode(Tuple.of("one", Bytes.EMPTY)));
    }

    @Test
    void aRecordWithAComponentWithoutACodecIsRefusedNamingTheComponent() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Codecs.tuple(Odd.class));
        assertTrue(e.getMessage().contains("component 'anything'"), e.getMessage());
    }

    @Test
    void codecsOfTypesStoredAsTheyAreStaySoAfterTravellingWithAJob() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(Codecs.of(Bytes.class));
        }
        Object back;
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            back = in.readObject();
        }
        assertTrue(io.jdisco.worker.classic.typed.internal.PickleCodecs.storesAsIs((Codec<?>) back));
        assertTrue(!io.jdisco.worker.classic.typed.internal.PickleCodecs.storesAsIs(Codecs.of(byte[].class)));
        assertTrue(!io.jdisco.worker.classic.typed.internal.PickleCodecs.storesAsIs(Codecs.of(WordKey.class)));
    }

    @Test
    void typesWithoutACodecAreRefusedNamingThem() {
        for (Class<?> type : List.of(Object.class, CharSequence.class, int[].class, NoDefault.class, int.class)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Codecs.of(type));
            assertTrue(e.getMessage().contains(type.getName()), e.getMessage());
        }
        assertInstanceOf(Codec.class, Codecs.of(Bean.class));
    }
}
