package io.jdisco.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WordCountTest {
    @Test
    void isSpaceIsTrueForExactlyTheSixAsciiWhitespaceBytes() {
        for (int v = -128; v < 128; v++) {
            boolean expected = v == ' ' || v == '\t' || v == '\n' || v == 0x0B || v == '\f' || v == '\r';
            assertEquals(expected, WordCount.isSpace((byte) v), "byte " + v);
        }
    }
}
