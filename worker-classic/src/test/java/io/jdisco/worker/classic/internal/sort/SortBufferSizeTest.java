package io.jdisco.worker.classic.internal.sort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SortBufferSizeTest {
    private static final long HEAP = 1L << 30;

    @Test
    void percentageIsOfTheHeap() {
        assertEquals(HEAP / 10, SortBufferSize.bytes("10%", HEAP));
    }

    @Test
    void suffixesArePowersOf1024() {
        assertEquals(64L << 20, SortBufferSize.bytes("64M", HEAP));
        assertEquals(2L << 30, SortBufferSize.bytes("2g", HEAP));
        assertEquals(100L << 10, SortBufferSize.bytes("100", HEAP), "no suffix means KiB, as for sort -S");
        assertEquals(1L << 20, SortBufferSize.bytes("1048576b", HEAP));
    }

    @Test
    void numbersAreBytes() {
        assertEquals(1L << 20, SortBufferSize.bytes(1 << 20, HEAP));
    }

    @Test
    void tinySizesAreRaisedToTheMinimum() {
        assertEquals(SortBufferSize.MINIMUM_BYTES, SortBufferSize.bytes(10, HEAP));
    }

    @Test
    void garbageIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SortBufferSize.bytes("lots", HEAP));
        assertTrue(e.getMessage().contains("LOTS") || e.getMessage().contains("lots"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SortBufferSize.bytes("150%", HEAP));
        assertThrows(IllegalArgumentException.class, () -> SortBufferSize.bytes(-5, HEAP));
    }
}
