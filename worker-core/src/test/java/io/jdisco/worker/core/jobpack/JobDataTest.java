package io.jdisco.worker.core.jobpack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.Task;
import io.jdisco.worker.core.Worker;
import io.jdisco.worker.core.testing.ScriptWorker;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jdisco's job data: header, Java serialization, and errors that name the class at fault. */
class JobDataTest {
    @Test
    void workerJobAndArgumentsRoundTrip() {
        ScriptWorker w = new ScriptWorker();
        w.put("partitions", 4);
        byte[] data = JobData.encode(w, Map.of("name", "J"), Map.of("labels", List.of(0, 1)));
        assertArrayEquals("JDJB".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(data, 4));
        JobData back = JobData.decode(data);
        assertInstanceOf(ScriptWorker.class, back.worker());
        assertEquals(4, back.worker().get("partitions"));
        assertEquals(Map.of("name", "J"), back.job());
        assertEquals(Map.of("labels", List.of(0, 1)), back.jobargs());
    }

    @Test
    void aJobFileReadAgainGivesANewWorkerAndTheSettingsDecodedOnce(@TempDir Path dir) throws Exception {
        Path jobfile = dir.resolve("jobfile");
        List<String> inputs = List.of("raw://a", "raw://b");
        Files.write(jobfile, pack(Map.of("input", inputs)));
        JobData first = JobData.read(jobfile);
        JobData second = JobData.read(jobfile);
        assertNotSame(first.worker(), second.worker(), "a task sets its worker's fields: one worker each");
        assertSame(first.jobargs(), second.jobargs(), "the arguments (the input list) decoded once");
        assertSame(first.job(), second.job());
        assertEquals(Map.of("input", inputs), second.jobargs());
    }

    @Test
    void aJobFileRewrittenIsDecodedAgain(@TempDir Path dir) throws Exception {
        Path jobfile = dir.resolve("jobfile");
        Files.write(jobfile, pack(Map.of("input", List.of("raw://a"))));
        JobData first = JobData.read(jobfile);
        Files.write(jobfile, pack(Map.of("input", List.of("raw://a", "raw://bb"))));
        JobData second = JobData.read(jobfile);
        assertEquals(List.of("raw://a", "raw://bb"), second.jobargs().get("input"));
        assertNotSame(first.jobargs(), second.jobargs());
    }

    @Test
    void aWorkersClientOnlyParametersStayOnTheClient() throws Exception {
        Worker w = new InputListWorker();
        w.put("input", List.of("raw://a", "raw://b")).put("partitions", 2);
        JobData back = JobData.decode(JobData.encode(w, Map.of(), Map.of()));
        assertEquals(null, back.worker().get("input"), "the node's worker has no input list");
        assertEquals(2, back.worker().get("partitions"));
        assertEquals(List.of("raw://a", "raw://b"), w.get("input"), "the client's worker keeps it");
        java.io.ByteArrayOutputStream plain = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(plain)) {
            out.writeObject(w);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(plain.toByteArray()))) {
            assertEquals(List.of("raw://a", "raw://b"), ((Worker) in.readObject()).get("input"),
                    "serialized elsewhere, the worker is whole");
        }
    }

    /** A worker whose input list only its client needs, as the classic worker's. */
    static final class InputListWorker extends Worker {
        private static final long serialVersionUID = 1L;

        @Override
        protected java.util.Set<String> clientOnlyParameters() {
            return java.util.Set.of("input");
        }

        @Override
        protected void run(Task task, Map<String, Object> jobargs) {
        }
    }

    /** A job pack whose job data holds {@code jobargs}. */
    private static byte[] pack(Map<String, Object> jobargs) {
        byte[] data = JobData.encode(new ScriptWorker(), Map.of("name", "J"), jobargs);
        return new JobPack(1, Map.of("prefix", "J"), Map.of(), new byte[0], data).encode();
    }

    @Test
    void unserializableArgumentIsNamed() {
        JobDataException e = assertThrows(JobDataException.class,
                () -> JobData.encode(new ScriptWorker(), Map.of(), Map.of("lock", new Object())));
        assertTrue(e.getMessage().contains("the job arguments [lock] cannot be serialized: class java.lang.Object"),
                e.getMessage());
    }

    @Test
    void wrongMagicIsRefused() {
        JobDataException e = assertThrows(JobDataException.class,
                () -> JobData.decode("\u0080\u0002pickle".getBytes(StandardCharsets.ISO_8859_1)));
        assertTrue(e.getMessage().contains("does not start with the magic \"JDJB\""), e.getMessage());
    }

    @Test
    void classMissingFromTheContextLoaderIsNamed() throws Exception {
        byte[] data = JobData.encode(new ScriptWorker(), Map.of(), Map.of());
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        // A loader that sees the platform and worker-core classes but not the test classes.
        ClassLoader coreOnly = new URLClassLoader(new URL[] {
            Worker.class.getProtectionDomain().getCodeSource().getLocation(),
            Task.class.getProtectionDomain().getCodeSource().getLocation()}, ClassLoader.getPlatformClassLoader());
        Thread.currentThread().setContextClassLoader(coreOnly);
        try {
            JobDataException e = assertThrows(JobDataException.class, () -> decodeOutsideTestLoader(data, coreOnly));
            assertTrue(e.getMessage().contains(ScriptWorker.class.getName()), e.getMessage());
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** Decodes through the copy of JobData loaded by {@code loader}, so that no fallback sees the test classes. */
    private static void decodeOutsideTestLoader(byte[] data, ClassLoader loader) throws Throwable {
        Class<?> jobData = Class.forName(JobData.class.getName(), true, loader);
        try {
            jobData.getMethod("decode", byte[].class).invoke(null, (Object) data);
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new JobDataException(cause.getMessage(), cause);
        }
    }
}
