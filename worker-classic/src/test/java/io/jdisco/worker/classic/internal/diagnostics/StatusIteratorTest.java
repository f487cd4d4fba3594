package io.jdisco.worker.classic.internal.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdisco.worker.classic.internal.stage.SinglePass;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusIteratorTest {
    @Test
    void saysEveryIntervalAndOnceDone() {
        List<String> said = new ArrayList<>();
        long[] now = {0};
        StatusIterator<Integer> it = new StatusIterator<>(List.of(1, 2, 3, 4, 5).iterator(), 2, "reduced", said::add,
                () -> now[0]);
        while (it.hasNext()) {
            now[0] += StatusIterator.MIN_GAP_NANOS;
            it.next();
        }
        it.hasNext();
        assertEquals(List.of("2 entries reduced", "4 entries reduced", "Done: 5 entries reduced"), said);
    }

    @Test
    void saysAtMostOnePeriodicLineASecond() {
        List<String> said = new ArrayList<>();
        long[] now = {0};
        StatusIterator<Integer> it = new StatusIterator<>(List.of(1, 2, 3, 4, 5, 6, 7, 8).iterator(), 1, "mapped",
                said::add, () -> now[0]);
        while (it.hasNext()) {
            now[0] += StatusIterator.MIN_GAP_NANOS * 2 / 5; // 0.4 s an entry
            it.next();
        }
        assertEquals(List.of("3 entries mapped", "6 entries mapped", "Done: 8 entries mapped"), said);
    }

    @Test
    void zeroIntervalSaysOnlyDone() {
        List<String> said = new ArrayList<>();
        StatusIterator<Integer> it = new StatusIterator<>(List.of(1, 2).iterator(), 0, "mapped", said::add);
        it.forEachRemaining(x -> { });
        assertEquals(List.of("Done: 2 entries mapped"), said);
    }

    @Test
    void anIntervalLongerThanTheCheckStepSaysAtItsMultiples() {
        List<String> said = new ArrayList<>();
        long interval = StatusIterator.CHECK_EVERY * 5 + 3;
        java.util.Iterator<Long> entries = java.util.stream.LongStream.range(0, interval * 2 + 7).boxed().iterator();
        long[] now = {0};
        StatusIterator<Long> it = new StatusIterator<>(entries, interval, "mapped", said::add,
                () -> now[0] += StatusIterator.MIN_GAP_NANOS);
        it.forEachRemaining(x -> { });
        assertEquals(List.of(interval + " entries mapped", interval * 2 + " entries mapped",
                "Done: " + (interval * 2 + 7) + " entries mapped"), said);
    }

    @Test
    void anIntervalNearTheLargestLongSaysOnlyDone() {
        List<String> said = new ArrayList<>();
        long[] now = {0};
        StatusIterator<Integer> it = new StatusIterator<>(List.of(1, 2, 3).iterator(), Long.MAX_VALUE - 1, "mapped",
                said::add, () -> now[0] += StatusIterator.MIN_GAP_NANOS);
        it.forEachRemaining(x -> { });
        assertEquals(List.of("Done: 3 entries mapped"), said);
    }

    @Test
    void singlePassRefusesASecondIterator() {
        SinglePass<Integer> p = new SinglePass<>(List.of(1).iterator(), "the reduce input");
        p.iterator();
        IllegalStateException e = assertThrows(IllegalStateException.class, p::iterator);
        assertEquals(true, e.getMessage().startsWith("the reduce input is single-pass"));
    }
}
