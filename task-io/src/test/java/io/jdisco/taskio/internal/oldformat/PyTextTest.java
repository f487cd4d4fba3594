package io.jdisco.taskio.internal.oldformat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.Tuple;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Python's str()/repr() of record values, as the old text format writes them. */
class PyTextTest {
    @ParameterizedTest
    @CsvSource({"0.1,0.1", "1.5,1.5", "100.0,100.0", "1e16,1e+16", "1e-5,1e-05", "0.0001,0.0001",
        "-2.5e-300,-2.5e-300", "123456789012345680.0,1.2345678901234568e+17"})
    void floatsAreWrittenAsPythonReprs(double value, String python) {
        assertEquals(python, PyText.floatRepr(value));
    }

    @Test
    void containersAreWrittenAsPython2Reprs() {
        Map<Object, Object> d = new LinkedHashMap<>();
        d.put(Bytes.utf8("k"), List.of(1L, BigInteger.TEN));
        Object v = Tuple.of(Bytes.of(new byte[] {'a', '\'', 0, (byte) 0xff}), "\u00e9\u4e2d", true, null, Tuple.of(1L), d);
        assertEquals("(\"a'\\x00\\xff\", u'\\xe9\\u4e2d', True, None, (1,), {'k': [1, 10L]})",
                new String(PyText.str(v), StandardCharsets.ISO_8859_1));
    }

    @Test
    void stringsAreWrittenAsTheirBytes() {
        assertEquals("\u00c3\u00a9", new String(PyText.str("\u00e9"), StandardCharsets.ISO_8859_1));
        assertEquals("raw", new String(PyText.str(Bytes.utf8("raw")), StandardCharsets.ISO_8859_1));
    }
}
