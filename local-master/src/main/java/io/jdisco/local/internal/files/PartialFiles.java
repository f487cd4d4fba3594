package io.jdisco.local.internal.files;

import io.jdisco.worker.DiscoNames;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.regex.Pattern;

/**
 * Deletes the {@code *.partial} files a killed worker leaves: a task's outputs are written as
 * {@code <name>.partial} and renamed when complete (Disco's {@code AtomicFile}), so a worker killed
 * mid-write (SIGKILL, a crash, a timeout, a job kill) leaves its unfinished files behind, invisible
 * under their final names but filling the disk.
 *
 * <p>A task's files are in its task directory {@code <jobhome>/<hexhash(uid)>/<uid>} (SPEC §1.4,
 * worker-api {@code Task.taskpath()}), where {@code uid} is
 * {@code <stage>:<group>-<taskid>-<stamp hash>-<pid>}, different for each attempt. After an
 * attempt that did not end with {@code DONE}, {@link #deleteTask} deletes the partial files of
 * every directory of that task (its attempts run one after the other, so none is writing then);
 * other tasks' directories are not touched, even when their workers run at the same time. When a
 * job ends, {@link #deleteAll} sweeps the whole job home. Symbolic links are not followed.
 */
public final class PartialFiles {
    /** The suffix of a file being written. */
    static final String SUFFIX = ".partial";
    /** The end of a uid: {@code -<taskid>-<hash>-<pid>}. */
    private static final Pattern UID_END = Pattern.compile("-(\\d+)-[0-9a-f]+-\\d+");

    private PartialFiles() {
    }

    /** Deletes the partial files of task {@code taskid} of {@code stage}; returns how many. */
    public static int deleteTask(Path jobHome, String stage, int taskid) throws IOException {
        if (!Files.isDirectory(jobHome, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        int deleted = 0;
        String prefix = stage + ":";
        try (DirectoryStream<Path> hashes = Files.newDirectoryStream(jobHome, PartialFiles::isHashDir)) {
            for (Path hash : hashes) {
                try (DirectoryStream<Path> dirs = Files.newDirectoryStream(hash)) {
                    for (Path dir : dirs) {
                        String uid = dir.getFileName().toString();
                        if (uid.startsWith(prefix) && taskid(uid) == taskid
                                && DiscoNames.hexhash(uid).equals(hash.getFileName().toString())) {
                            deleted += deleteAll(dir);
                        }
                    }
                }
            }
        }
        return deleted;
    }

    /** Deletes every partial file under {@code dir}; returns how many. */
    public static int deleteAll(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        int[] deleted = {0};
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile() && file.getFileName().toString().endsWith(SUFFIX)
                        && Files.deleteIfExists(file)) {
                    deleted[0]++;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                // A file deleted or a directory made unreadable meanwhile: sweep the rest.
                return FileVisitResult.CONTINUE;
            }
        });
        return deleted[0];
    }

    /** The task id in {@code uid}, or -1 when it is not a task uid. */
    private static int taskid(String uid) {
        int dashes = 0;
        int at = uid.length();
        while (at > 0 && dashes < 3) {
            at--;
            if (uid.charAt(at) == '-') {
                dashes++;
            }
        }
        if (dashes < 3) {
            return -1;
        }
        String end = uid.substring(at);
        if (!UID_END.matcher(end).matches()) {
            return -1;
        }
        try {
            return Integer.parseInt(end.substring(1, end.indexOf('-', 1)));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A directory named by two lower-case hex digits ({@code hexhash}). */
    private static boolean isHashDir(Path p) {
        String n = p.getFileName().toString();
        return n.length() == 2 && Character.digit(n.charAt(0), 16) >= 0 && Character.digit(n.charAt(1), 16) >= 0
                && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
    }
}
