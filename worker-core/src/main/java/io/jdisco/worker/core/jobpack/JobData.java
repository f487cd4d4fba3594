package io.jdisco.worker.core.jobpack;

import io.jdisco.worker.core.NodeBoundOutput;
import io.jdisco.worker.core.Worker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * jdisco's job data section (SPEC §3.8, §3.10): what a Java worker needs to run a task of the job.
 *
 * <pre>
 *   0  4 bytes  magic "JDJB"
 *   4  u32 BE   format version (1)
 *   8  ...      Java serialization stream: the {@link Worker}, then the job settings
 *               (LinkedHashMap&lt;String, Object&gt;), then the job arguments (LinkedHashMap&lt;String, Object&gt;)
 * </pre>
 *
 * Classes are resolved through the thread context class loader (the job home's classes). Immutable
 * after decoding; the maps are read-only.
 */
public final class JobData {
    /** The magic bytes. */
    public static final byte[] MAGIC = "JDJB".getBytes(StandardCharsets.US_ASCII);
    /** The format version written. */
    public static final int FORMAT_VERSION = 1;

    private final Worker worker;
    private final Map<String, Object> job;
    private final Map<String, Object> jobargs;

    private JobData(Worker worker, Map<String, Object> job, Map<String, Object> jobargs) {
        this.worker = worker;
        this.job = Collections.unmodifiableMap(job);
        this.jobargs = Collections.unmodifiableMap(jobargs);
    }

    /** The worker. */
    public Worker worker() {
        return worker;
    }

    /** The job's settings (read-only). */
    public Map<String, Object> job() {
        return job;
    }

    /** The job arguments (read-only). */
    public Map<String, Object> jobargs() {
        return jobargs;
    }

    /**
     * Serializes {@code worker}, the job settings and the job arguments.
     *
     * @throws JobDataException naming the part and the class that cannot be serialized
     */
    public static byte[] encode(Worker worker, Map<String, ?> job, Map<String, ?> jobargs) {
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(jobargs, "jobargs");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            DataOutputStream header = new DataOutputStream(bytes);
            header.write(MAGIC);
            header.writeInt(FORMAT_VERSION);
            header.flush();
            ObjectOutputStream out = new NodeBoundOutput(bytes);
            write(out, worker, "the worker " + worker.getClass().getName());
            write(out, new LinkedHashMap<>(job), "the job settings " + job.keySet());
            write(out, new LinkedHashMap<>(jobargs), "the job arguments " + jobargs.keySet());
            out.flush();
        } catch (IOException e) {
            throw new JobDataException("job data cannot be written: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    private static void write(ObjectOutputStream out, Object value, String what) throws IOException {
        try {
            out.writeObject(value);
        } catch (NotSerializableException e) {
            throw new JobDataException(what + " cannot be serialized: class " + e.getMessage()
                    + " is not Serializable (it is reachable from " + what + ")", e);
        }
    }

    /**
     * Reads job data bytes.
     *
     * @throws JobDataException for a wrong header, or naming the class that could not be loaded or
     *     deserialized
     */
    public static JobData decode(byte[] data) {
        return decode(data, null);
    }

    /**
     * {@link #decode(byte[])}, with the settings and arguments of {@code known} (decoded from the
     * same bytes before) instead of decoding them again: the worker, first in the stream, is then
     * all that is read.
     */
    @SuppressWarnings("unchecked")
    private static JobData decode(byte[] data, JobData known) {
        Objects.requireNonNull(data, "data");
        if (data.length < 8 || !Arrays.equals(Arrays.copyOf(data, 4), MAGIC)) {
            throw new JobDataException("job data does not start with the magic \"JDJB\" (first bytes "
                    + hex(Arrays.copyOf(data, Math.min(8, data.length))) + "); was the job submitted by jdisco?", null);
        }
        InputStream in = new ByteArrayInputStream(data);
        try {
            DataInputStream header = new DataInputStream(in);
            header.skipNBytes(4);
            int version = header.readInt();
            if (version != FORMAT_VERSION) {
                throw new JobDataException("job data format version " + version + " is not supported (this worker reads "
                        + FORMAT_VERSION + ")", null);
            }
            ObjectInputStream objects = new ContextObjectInputStream(in);
            Object worker = objects.readObject();
            if (!(worker instanceof Worker)) {
                throw new JobDataException("job data holds a " + (worker == null ? "null" : worker.getClass().getName())
                        + " where a " + Worker.class.getName() + " was expected", null);
            }
            if (known != null) {
                return new JobData((Worker) worker, known.job, known.jobargs);
            }
            Map<String, Object> job = (Map<String, Object>) objects.readObject();
            Map<String, Object> jobargs = (Map<String, Object>) objects.readObject();
            return new JobData((Worker) worker, job, jobargs);
        } catch (ClassNotFoundException e) {
            throw new JobDataException("job data names class " + e.getMessage() + ", which the class loader "
                    + Thread.currentThread().getContextClassLoader() + " cannot load; is it in the job home?", e);
        } catch (InvalidClassException e) {
            throw new JobDataException("job data class " + e.classname + " cannot be deserialized: " + e.getMessage()
                    + " (was the job built against another version of it?)", e);
        } catch (IOException | ClassCastException e) {
            throw new JobDataException("job data cannot be deserialized: " + e, e);
        }
    }

    /**
     * Reads the job data section of the job file at {@code jobfile}: a new {@link Worker} for each
     * call (a task sets its fields), with the job's settings and arguments decoded once per job file
     * and class loader in this JVM (the last 16 jobs are kept): the arguments can be as large as
     * the job (an input list passed as a job argument), and a reused worker or the embedded
     * master's threads run many tasks of one job. The key is taken before the bytes are read, so
     * a file replaced in between is decoded again next time rather than kept under its new key.
     */
    public static JobData read(Path jobfile) throws IOException {
        DecodedJobs.Key key = DecodedJobs.Key.of(jobfile);
        byte[] data = JobPack.readJobdata(jobfile);
        JobData known = DecodedJobs.SHARED.get(key);
        JobData decoded = decode(data, known);
        if (known == null) {
            DecodedJobs.SHARED.put(key, decoded);
        }
        return decoded;
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x));
        }
        return sb.toString();
    }

    /** Resolves classes through the thread context class loader, then the default way. */
    private static final class ContextObjectInputStream extends ObjectInputStream {
        ContextObjectInputStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader != null) {
                try {
                    return Class.forName(desc.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    // fall through: primitives and platform classes
                }
            }
            return super.resolveClass(desc);
        }
    }

    /**
     * The job data a JVM has decoded, by job file: a reused worker process, or the threads of an
     * embedded master, runs many tasks of one job, and each used to decode the job's settings and
     * arguments again. A job file is written once by the master; its path, size, modification time
     * and the class loader the classes were resolved through name one decoding. At most
     * {@link #CAPACITY} jobs are kept, the least recently used dropped first.
     */
    private static final class DecodedJobs {
        /** The jobs kept at most. */
        static final int CAPACITY = 16;
        /** This JVM's cache. */
        static final DecodedJobs SHARED = new DecodedJobs();

        private final Map<Key, JobData> jobs = new LinkedHashMap<>(32, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, JobData> eldest) {
                return size() > CAPACITY;
            }
        };

        /** The decoding kept for {@code key}, or null. */
        synchronized JobData get(Key key) {
            return jobs.get(key);
        }

        /** Keeps {@code data} for {@code key}. */
        synchronized void put(Key key, JobData data) {
            jobs.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(data, "data"));
        }

        /** Which job file, as it is on disk, decoded through which class loader. */
        record Key(Path file, long size, long modified, ClassLoader loader) {
            /** The key of {@code jobfile} as it is now. */
            static Key of(Path jobfile) throws IOException {
                BasicFileAttributes a = Files.readAttributes(jobfile, BasicFileAttributes.class);
                return new Key(jobfile.toAbsolutePath(), a.size(), a.lastModifiedTime().toMillis(),
                        Thread.currentThread().getContextClassLoader());
            }
        }
    }
}
