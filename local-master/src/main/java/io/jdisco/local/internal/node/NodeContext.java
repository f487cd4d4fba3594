package io.jdisco.local.internal.node;

import io.jdisco.local.LocalMasterConfig;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every part of a running local master shares: its configuration, the node layout, its own
 * URL and port, and the timer thread that watches worker sessions.
 *
 * @param config the configuration
 * @param layout the node's directories
 * @param masterUrl {@code http://127.0.0.1:<port>}
 * @param port the HTTP port: DISCO_PORT in {@code TASK}
 * @param putPort DDFS_PUT_PORT in {@code TASK} (the local master takes PUTs on its one port)
 * @param timers runs session watchdogs
 */
public record NodeContext(LocalMasterConfig config, NodeLayout layout, String masterUrl, int port, int putPort,
        ScheduledExecutorService timers) {
    /** Checks the fields. */
    public NodeContext {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(masterUrl, "masterUrl");
        Objects.requireNonNull(timers, "timers");
    }
}
