package io.jdisco.taskio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.DataException;
import io.jdisco.worker.Tuple;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The classic netstring helpers against testdata/vectors §3. */
class NetstringsTest {
    static List<Tuple> pairs() {
        List<Tuple> out = new ArrayList<>();
        for (JsonNode p : Vectors.json("netstring_py2.json").get("pairs")) {
            out.add(Tuple.pair(Vectors.value(p.get(0)), Vectors.value(p.get(1))));
        }
        return out;
    }

    static Map<Object, Object> asMap(List<Tuple> pairs) {
        Map<Object, Object> m = new LinkedHashMap<>();
        pairs.forEach(t -> m.put(t.key(), t.value()));
        return m;
    }

    @Test
    void encodeStrMatchesPython() {
        assertArrayEquals(Vectors.bytes("netstring_str_py2.bin"), Netstrings.encodeStr(pairs()));
    }

    @Test
    void encodeFdMatchesPython() {
        assertArrayEquals(Vectors.bytes("netstring_fd_py2.bin"), Netstrings.encodeFd(asMap(pairs())));
    }

    @Test
    void decodeStrGivesThePairsBack() throws DataException {
        assertEquals(pairs(), Netstrings.decodeStr(Vectors.bytes("netstring_str_py2.bin")));
    }

    @Test
    void decodeFdReadsTwoMessagesFromOneStreamThenEnds() throws IOException {
        InputStream in = new ByteArrayInputStream(Vectors.bytes("netstring_fd_stream_py2.bin"));
        assertEquals(Optional.of(asMap(pairs())), Netstrings.decodeFd(in).map(LinkedHashMap::new));
        Map<Object, Object> second = new LinkedHashMap<>();
        second.put(Bytes.utf8("msg"), Bytes.utf8("2"));
        second.put(Bytes.utf8("x"), Bytes.utf8("y"));
        assertEquals(Optional.of(second), Netstrings.decodeFd(in).map(LinkedHashMap::new));
        assertEquals(Optional.empty(), Netstrings.decodeFd(in));
    }

    @Test
    void aValueRunningPastTheEndFails() {
        DataException e = assertThrows(DataException.class,
                () -> Netstrings.decodeStr("3 key 10 short\n".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(e.detail().contains("runs past the end"), e.detail());
    }

    @Test
    void aLengthThatIsNotANumberFails() {
        assertThrows(DataException.class, () -> Netstrings.decodeStr("x key 1 v\n".getBytes(StandardCharsets.US_ASCII)));
    }
}
