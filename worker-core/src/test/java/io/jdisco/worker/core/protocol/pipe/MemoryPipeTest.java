package io.jdisco.worker.core.protocol.pipe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MemoryPipeTest {
    @Test
    void bytesArriveInOrderThroughASmallRingWithAWaitingWriter() throws Exception {
        MemoryPipe pipe = new MemoryPipe(7);
        byte[] sent = new byte[10_000];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = (byte) (i * 31);
        }
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < sent.length; i += 13) {
                    pipe.sink().write(sent, i, Math.min(13, sent.length - i));
                }
                pipe.sink().close();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertArrayEquals(sent, pipe.source().readAllBytes());
        writer.get(10, TimeUnit.SECONDS);
    }

    @Test
    void closingTheWriterEndsTheStreamAfterTheBufferedBytes() throws Exception {
        MemoryPipe pipe = new MemoryPipe(64);
        pipe.sink().write(new byte[] {1, 2, 3});
        pipe.closeWriter();
        assertArrayEquals(new byte[] {1, 2, 3}, pipe.source().readAllBytes());
        assertEquals(-1, pipe.source().read());
    }

    @Test
    void breakingThePipeWakesABlockedReaderWithEndOfStream() throws Exception {
        MemoryPipe pipe = new MemoryPipe(64);
        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
            try {
                return pipe.source().read();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        pipe.breakPipe();
        assertEquals(-1, read.get(10, TimeUnit.SECONDS));
    }

    @Test
    void breakingThePipeFailsABlockedWriter() throws Exception {
        MemoryPipe pipe = new MemoryPipe(4);
        CompletableFuture<Void> write = CompletableFuture.runAsync(() -> {
            try {
                pipe.sink().write(new byte[100]);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        pipe.breakPipe();
        Exception e = assertThrows(Exception.class, () -> write.get(10, TimeUnit.SECONDS));
        assertEquals(IOException.class, e.getCause().getCause().getClass());
    }

    @Test
    void closingTheReaderFailsTheNextWrite() throws Exception {
        MemoryPipe pipe = new MemoryPipe(64);
        pipe.source().close();
        assertThrows(IOException.class, () -> pipe.sink().write(1));
    }

    @Test
    void anInterruptedReaderGetsInterruptedIoException() throws Exception {
        MemoryPipe pipe = new MemoryPipe(64);
        InputStream in = pipe.source();
        CompletableFuture<Class<?>> outcome = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                in.read();
                outcome.complete(Void.class);
            } catch (IOException e) {
                outcome.complete(e.getClass());
            }
        });
        t.start();
        Thread.sleep(50);
        t.interrupt();
        assertEquals(InterruptedIOException.class, outcome.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aReaderGetsWhatIsThereWithoutWaitingForMore() throws Exception {
        MemoryPipe pipe = new MemoryPipe(64);
        pipe.sink().write(new byte[] {9, 8});
        byte[] buf = new byte[10];
        assertEquals(2, pipe.source().read(buf, 0, buf.length));
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        got.write(buf, 0, 2);
        assertArrayEquals(new byte[] {9, 8}, got.toByteArray());
    }
}
