package io.jdisco.worker.classic.internal.diagnostics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Objects;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * The {@code profile} parameter: a Java Flight Recorder recording of the task with the JDK's
 * {@code profile} settings (method sampling, allocation, locks, I/O), dumped into a file of the
 * task directory when the task ends.
 */
public final class JfrProfile {
    private final Recording recording;
    private final Path file;

    private JfrProfile(Recording recording, Path file) {
        this.recording = recording;
        this.file = file;
    }

    /** Starts recording; {@link #stop()} writes {@code file}. */
    public static JfrProfile start(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        Configuration config;
        try {
            config = Configuration.getConfiguration("profile");
        } catch (ParseException e) {
            throw new IllegalStateException("the JDK's JFR 'profile' settings cannot be read", e);
        }
        Recording r = new Recording(config);
        r.setName("jdisco task " + file.getFileName());
        r.start();
        return new JfrProfile(r, file);
    }

    /** Stops recording and writes the file; returns its path. */
    public Path stop() throws IOException {
        try {
            recording.stop();
            Files.createDirectories(file.getParent());
            recording.dump(file);
            return file;
        } finally {
            recording.close();
        }
    }
}
