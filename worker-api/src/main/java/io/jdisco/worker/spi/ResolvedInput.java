package io.jdisco.worker.spi;

import java.util.List;
import java.util.Objects;

/**
 * One input named by an indirect URL: a label, a size ({@code -1} when unknown) and the replica
 * URLs that hold the same records. A {@code dir://} index line gives all three; a tag's blob
 * gives replicas only.
 */
public final class ResolvedInput {
    private final int label;
    private final long size;
    private final List<String> replicas;

    /** An input; {@code replicas} must not be empty. */
    public ResolvedInput(int label, long size, List<String> replicas) {
        if (label < 0) {
            throw new IllegalArgumentException("label must be >= 0, got " + label);
        }
        this.label = label;
        this.size = size < 0 ? -1 : size;
        this.replicas = List.copyOf(Objects.requireNonNull(replicas, "replicas"));
        if (this.replicas.isEmpty()) {
            throw new IllegalArgumentException("an input needs at least one replica URL");
        }
    }

    /** One URL with label 0 and unknown size. */
    public static ResolvedInput of(String url) {
        return new ResolvedInput(0, -1, List.of(url));
    }

    /** The label. */
    public int label() {
        return label;
    }

    /** The size in bytes, or {@code -1}. */
    public long size() {
        return size;
    }

    /** The replica URLs, first preferred. */
    public List<String> replicas() {
        return replicas;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ResolvedInput)) {
            return false;
        }
        ResolvedInput r = (ResolvedInput) o;
        return label == r.label && size == r.size && replicas.equals(r.replicas);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, size, replicas);
    }

    @Override
    public String toString() {
        return "ResolvedInput[label " + label + ", size " + size + ", " + replicas + "]";
    }
}
