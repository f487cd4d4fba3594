package io.jdisco.worker.core.protocol.message;

import java.util.List;
import java.util.Objects;

/**
 * {@code [rep_id, url]}: one copy of an input.
 *
 * @param id the replica id, unique within its input
 * @param url where the copy is
 */
public record Replica(int id, String url) {
    /** Checks the URL. */
    public Replica {
        Objects.requireNonNull(url, "url");
    }

    /** The JSON form {@code [id, url]}. */
    public List<Object> toJson() {
        return List.of(id, url);
    }
}
