package io.jdisco.worker.core.jobpack;

import io.jdisco.worker.core.json.JsonSyntaxException;
import io.jdisco.worker.core.json.PythonJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Disco job pack (SPEC §3): a 128-byte header, then the jobdict (JSON object), the jobenvs
 * (JSON object), the job home (ZIP bytes) and the job data (opaque bytes, to the end).
 *
 * <p>{@link #encode()} writes the JSON sections like Python 2's {@code json.dumps} with the maps'
 * key order, so a pack built from the same values is byte-identical to one built by
 * {@code disco.job.JobPack(...).dumps()}. {@link #decode} checks the header as the master does;
 * {@link #validate()} applies the rest of the master's checks. Immutable.
 */
public final class JobPack {
    /** Version 1: the classic jobdict. */
    public static final int VERSION1 = 1;
    /** Version 2: the pipeline jobdict. */
    public static final int VERSION2 = 2;

    private final int version;
    private final Map<String, Object> jobdict;
    private final Map<String, Object> jobenvs;
    private final byte[] jobhome;
    private final byte[] jobdata;

    /** A pack from its parts; the maps are copied keeping their order. */
    public JobPack(int version, Map<String, ?> jobdict, Map<String, ?> jobenvs, byte[] jobhome, byte[] jobdata) {
        if (version < 0 || version > 0xffff) {
            throw new IllegalArgumentException("version must fit in 16 bits, got " + version);
        }
        this.version = version;
        this.jobdict = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(jobdict, "jobdict")));
        this.jobenvs = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(jobenvs, "jobenvs")));
        this.jobhome = Objects.requireNonNull(jobhome, "jobhome").clone();
        this.jobdata = Objects.requireNonNull(jobdata, "jobdata").clone();
    }

    /** The format version (1 classic, 2 pipeline). */
    public int version() {
        return version;
    }

    /** The jobdict, in its key order (read-only). */
    public Map<String, Object> jobdict() {
        return jobdict;
    }

    /** The jobenvs, in their key order (read-only). */
    public Map<String, Object> jobenvs() {
        return jobenvs;
    }

    /** A copy of the job home ZIP bytes. */
    public byte[] jobhome() {
        return jobhome.clone();
    }

    /** A copy of the job data bytes. */
    public byte[] jobdata() {
        return jobdata.clone();
    }

    /** The pack bytes, the JSON sections written like {@code json.dumps}. */
    public byte[] encode() {
        PythonJson json = PythonJson.dumps();
        return assemble(version, json.writeBytes(jobdict), json.writeBytes(jobenvs), jobhome, jobdata);
    }

    /** Lays out a pack from raw section bytes: the header, then the four sections back to back. */
    public static byte[] assemble(int version, byte[] jobdict, byte[] jobenvs, byte[] jobhome, byte[] jobdata) {
        long dict = JobPackHeader.SIZE;
        long envs = dict + jobdict.length;
        long home = envs + jobenvs.length;
        long data = home + jobhome.length;
        long size = data + jobdata.length;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a job pack of " + size + " bytes is too large");
        }
        byte[] out = new byte[(int) size];
        System.arraycopy(new JobPackHeader(version, dict, envs, home, data).toBytes(), 0, out, 0, JobPackHeader.SIZE);
        System.arraycopy(jobdict, 0, out, (int) dict, jobdict.length);
        System.arraycopy(jobenvs, 0, out, (int) envs, jobenvs.length);
        System.arraycopy(jobhome, 0, out, (int) home, jobhome.length);
        System.arraycopy(jobdata, 0, out, (int) data, jobdata.length);
        return out;
    }

    /**
     * Decodes a pack; the JSON sections must be objects.
     *
     * @throws InvalidJobPackException for a bad header or a section that is not a JSON object
     */
    public static JobPack decode(byte[] pack) {
        Objects.requireNonNull(pack, "pack");
        JobPackHeader h = JobPackHeader.read(pack, pack.length);
        Map<String, Object> dict = jsonObject(pack, h.dictOffset(), h.envsOffset(), "jobdict");
        Map<String, Object> envs = jsonObject(pack, h.envsOffset(), h.homeOffset(), "jobenvs");
        return new JobPack(h.version(), dict, envs, Arrays.copyOfRange(pack, (int) h.homeOffset(), (int) h.dataOffset()),
                Arrays.copyOfRange(pack, (int) h.dataOffset(), pack.length));
    }

    /** Reads and decodes the job file at {@code jobfile}. */
    public static JobPack read(Path jobfile) throws IOException {
        Objects.requireNonNull(jobfile, "jobfile");
        try {
            return decode(Files.readAllBytes(jobfile));
        } catch (InvalidJobPackException e) {
            throw new InvalidJobPackException(jobfile + ": " + e.getMessage(), e);
        }
    }

    /** The job data section of the job file at {@code jobfile}, reading only the header and that section. */
    public static byte[] readJobdata(Path jobfile) throws IOException {
        Objects.requireNonNull(jobfile, "jobfile");
        long size = Files.size(jobfile);
        try (InputStream in = Files.newInputStream(jobfile)) {
            byte[] header = in.readNBytes(JobPackHeader.SIZE);
            JobPackHeader h;
            try {
                h = JobPackHeader.read(header, size);
            } catch (InvalidJobPackException e) {
                throw new InvalidJobPackException(jobfile + ": " + e.getMessage(), e);
            }
            in.skipNBytes(h.dataOffset() - header.length);
            return in.readAllBytes();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jsonObject(byte[] pack, long from, long to, String section) {
        Object v;
        try {
            v = PythonJson.parse(Arrays.copyOfRange(pack, (int) from, (int) to));
        } catch (JsonSyntaxException e) {
            throw new InvalidJobPackException(section + " (bytes " + from + ".." + to + ") is not JSON: "
                    + e.getMessage(), e);
        }
        if (!(v instanceof Map)) {
            throw new InvalidJobPackException(section + " (bytes " + from + ".." + to + ") is not a JSON object: "
                    + new String(pack, (int) from, (int) Math.min(to - from, 80), StandardCharsets.UTF_8));
        }
        return (Map<String, Object>) v;
    }

    /**
     * Applies the master's checks (SPEC §3.2–§3.4): version, required keys, prefix, save_results,
     * save_info, jobenvs values, and for version 2 the pipeline and inputs.
     *
     * @throws InvalidJobPackException naming the first key or value that is wrong
     */
    public void validate() {
        if (version != VERSION1 && version != VERSION2) {
            throw new InvalidJobPackException("unsupported version " + version + "; a job pack is version 1 or 2");
        }
        JobDictValidator.validate(version == VERSION2, jobdict, jobenvs);
    }

    @Override
    public String toString() {
        return "JobPack[v" + version + ", jobdict " + jobdict.keySet() + ", " + jobhome.length + " home bytes, "
                + jobdata.length + " data bytes]";
    }
}
