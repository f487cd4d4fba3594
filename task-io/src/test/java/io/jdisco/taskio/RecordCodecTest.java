package io.jdisco.taskio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.DataException;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.io.OutputLink;
import io.jdisco.worker.io.RecordReader;
import io.jdisco.worker.io.RecordWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A job can plug its own record codec into the internal format. */
class RecordCodecTest {
    private final TestContext ctx = new TestContext();

    /** A toy codec for (String, String) pairs: {@code key TAB value LF}, format version 2. */
    static class TabCodec implements RecordCodec {
        private static final long serialVersionUID = 1L;

        @Override
        public int formatVersion() {
            return 2;
        }

        @Override
        public Encoder newEncoder() {
            return (record, out) -> {
                Tuple t = (Tuple) record;
                out.write((t.key() + "\t" + t.value() + "\n").getBytes(StandardCharsets.UTF_8));
            };
        }

        @Override
        public Decoder newDecoder() {
            return new Decoder() {
                private int end;

                @Override
                public Object decode(byte[] data, int offset, int limit) throws DataException {
                    for (int i = offset; i < limit; i++) {
                        if (data[i] == '\n') {
                            String[] kv = new String(data, offset, i - offset, StandardCharsets.UTF_8).split("\t", 2);
                            end = i + 1;
                            return Tuple.pair(kv[0], kv[1]);
                        }
                    }
                    throw new DataException("record without end of line", null);
                }

                @Override
                public int end() {
                    return end;
                }
            };
        }

        @Override
        public String toString() {
            return "tab";
        }
    }

    private byte[] write(DiscoOutputOptions options, List<Tuple> records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordWriter w = TaskIo.discoOutputStream(options).open(new OutputLink(out, "mem"), ctx)) {
            for (Tuple t : records) {
                w.add(t.key(), t.value());
            }
        }
        return out.toByteArray();
    }

    private List<Object> read(byte[] data, RecordCodec codec) throws IOException {
        List<Object> out = new ArrayList<>();
        InputLink link = new InputLink(new ByteArrayInputStream(data), data.length, "mem");
        try (RecordReader<Object> r = TaskIo.discoInputStream(false, 1 << 20, codec).open(link, ctx)) {
            while (r.advance()) {
                out.add(r.current());
            }
        }
        return out;
    }

    @Test
    void aPluggedCodecRoundTripsAndMarksItsHunks() throws IOException {
        List<Tuple> records = List.of(Tuple.pair("a", "1"), Tuple.pair("b", "2"));
        byte[] data = write(DiscoOutputOptions.defaults().withCodec(new TabCodec()), records);
        assertEquals(0x82, data[0] & 0xFF);
        assertEquals(records, read(data, new TabCodec()));
    }

    @Test
    void aReaderRefusesHunksOfAnotherFormatVersion() {
        byte[] pickled = Vectors.bytes("internal_py2_default.bin");
        DataException e = assertThrows(DataException.class, () -> read(pickled, new TabCodec()));
        assertTrue(e.detail().contains("format version 1 but codec tab reads version 2"), e.detail());
    }

    @Test
    void aCodecVersionOutsideTheMarkerRangeIsRefused() {
        RecordCodec bad = new TabCodec() {
            private static final long serialVersionUID = 1L;

            @Override
            public int formatVersion() {
                return 128;
            }
        };
        assertThrows(IllegalArgumentException.class, () -> DiscoOutputOptions.defaults().withCodec(bad));
    }

    @Test
    void theEncoderWritesToAnyOutputStream() throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        OutputStream wrapped = new java.io.FilterOutputStream(plain);
        PickleCodec.INSTANCE.newEncoder().encode(Tuple.pair("a", 1L), wrapped);
        wrapped.flush();
        assertEquals(Tuple.pair("a", 1L), PickleCodecTest.decode(plain.toByteArray()));
    }
}
