package io.jdisco.local.internal.files;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Deletes a large directory tree with a few threads: a master's temporary data root holds a few
 * files per task (outputs, index, task directory), and one thread unlinking 50,000 of them on a
 * busy disk took longer than the job (~100 s for 10,000 tasks). The tree is listed first (reading
 * directories is cheap), then its files are unlinked by {@code threads} threads, then its
 * directories, deepest first, each depth by the same threads. For a tree nothing else writes to
 * (a closed master's); {@link io.jdisco.local.internal.jobs.MasterService#deleteTree} is the one-thread deletion for the rest.
 */
public final class TreeDeletion {
    private TreeDeletion() {
    }

    /** Deletes {@code root} and everything under it, if present, with {@code threads} threads. */
    public static void delete(Path root, int threads) throws IOException {
        Objects.requireNonNull(root, "root");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        if (!Files.exists(root)) {
            return;
        }
        List<Path> files = new ArrayList<>();
        List<List<Path>> dirsByDepth = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            private int depth;

            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                while (dirsByDepth.size() <= depth) {
                    dirsByDepth.add(new ArrayList<>());
                }
                dirsByDepth.get(depth).add(dir);
                depth++;
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                files.add(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (exc instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw exc;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
                depth--;
                return FileVisitResult.CONTINUE;
            }
        });
        deleteAll(files, threads);
        for (int d = dirsByDepth.size() - 1; d >= 0; d--) {
            deleteAll(dirsByDepth.get(d), threads);
        }
    }

    /** Deletes {@code paths} (none a non-empty directory) with up to {@code threads} threads. */
    private static void deleteAll(List<Path> paths, int threads) throws IOException {
        int n = Math.min(threads, paths.size() / 64 + 1);
        AtomicInteger next = new AtomicInteger();
        AtomicReference<IOException> failure = new AtomicReference<>();
        Runnable work = () -> {
            int i;
            while (failure.get() == null && (i = next.getAndIncrement()) < paths.size()) {
                try {
                    Files.deleteIfExists(paths.get(i));
                } catch (IOException e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        List<Thread> helpers = new ArrayList<>();
        for (int t = 1; t < n; t++) {
            Thread helper = new Thread(work, "jdisco-delete-" + t);
            helper.setDaemon(true);
            helper.start();
            helpers.add(helper);
        }
        work.run();
        for (Thread helper : helpers) {
            try {
                helper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while deleting " + paths.get(0).getParent());
            }
        }
        IOException e = failure.get();
        if (e != null) {
            throw e;
        }
    }
}
