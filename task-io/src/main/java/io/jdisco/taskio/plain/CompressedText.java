package io.jdisco.taskio.plain;

import io.jdisco.taskio.TaskIo;
import io.jdisco.worker.io.ChainContext;
import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.io.InputStage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Compressed text inputs of text jobs (the examples' word count, grep, join, sort): a map input stage
 * that decompresses what task-io's {@link TaskIo#decompress()} knows by its magic bytes (gzip,
 * bzip2, xz, zstd), so a word count of {@code a.txt.gz} counts the words of the text inside, as
 * {@code zcat} shows it; and what the client must know of such a local file: it cannot be cut into
 * byte ranges of lines, and its size says little of its text's.
 *
 * <p>A local file ({@code file:///path}) whose first bytes are no compression's magic passes
 * through untouched — the stream, its size, no extra buffer — so plain text is read exactly as
 * before; any other input goes through task-io's detection.
 */
public final class CompressedText implements InputStage {
    private static final long serialVersionUID = 1L;
    private static final InputStage DETECT = TaskIo.decompress();
    /** The magic bytes of the formats {@link TaskIo#decompress()} detects. */
    private static final List<byte[]> MAGICS = List.of(new byte[] {0x1f, (byte) 0x8b}, // gzip
            new byte[] {'B', 'Z', 'h'}, // bzip2
            new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0}, // xz
            new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd}); // zstd

    /** The map input stream of a text job: the task input stream, then this stage. */
    public static List<InputStage> mapInputStream() {
        return List.of(TaskIo.taskInputStream(), new CompressedText());
    }

    @Override
    public InputLink apply(InputLink in, ChainContext context) throws IOException {
        Path local = localFile(in.url());
        if (local != null && !isCompressed(local)) {
            return in;
        }
        return DETECT.apply(in, context);
    }

    /** True when local {@code file} starts with the magic bytes of a compression format; false when unreadable. */
    public static boolean isCompressed(Path file) {
        byte[] head = new byte[6];
        int n = 0;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return false; // the task names the file when it cannot read it
        }
        for (byte[] magic : MAGICS) {
            if (n >= magic.length && java.util.Arrays.equals(head, 0, magic.length, magic, 0, magic.length)) {
                return true;
            }
        }
        return false;
    }

    /**
     * About how many bytes of text local {@code file} holds, for the {@code --workers auto} size
     * rule: its size when not compressed; for gzip the larger of its size and the size its
     * trailer records (modulo 4 GiB: exact for files under that); for the other formats, whose
     * files do not record it, {@link Long#MAX_VALUE} (unknown: run as if big).
     */
    public static long textBytes(Path file) throws IOException {
        long size = Files.size(file);
        if (!isCompressed(file)) {
            return size;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(2);
            ch.read(head, 0);
            if (head.get(0) != 0x1f || head.get(1) != (byte) 0x8b || size < 18) {
                return Long.MAX_VALUE;
            }
            ByteBuffer trailer = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(trailer, size - 4);
            return Math.max(size, trailer.getInt(0) & 0xFFFFFFFFL);
        }
    }

    /** The local file {@code url} names ({@code file:///path}), or null for any other URL or a path that is no regular file. */
    private static Path localFile(String url) {
        String prefix = "file://";
        if (!url.startsWith(prefix) || !url.startsWith("/", prefix.length())) {
            return null;
        }
        Path p = Path.of(url.substring(prefix.length()));
        return Files.isRegularFile(p) ? p : null;
    }

    @Override
    public String toString() {
        return "compressed_text";
    }
}
