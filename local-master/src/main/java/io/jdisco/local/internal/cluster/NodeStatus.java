package io.jdisco.local.internal.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The cluster-level settings a Disco master keeps besides its jobs, for a one-node cluster: the
 * node table ({@code save_config_table}), the blacklists ({@code blacklist}, {@code gc_blacklist})
 * and the settings {@code accept_new_jobs} and {@code max_failure_rate}. As in Disco's
 * {@code disco_config}, a host can only be blacklisted if the table names it, and saving a table
 * drops the blacklisted hosts it no longer names. Only {@code accept_new_jobs} changes what the
 * local master does (a 0 refuses submissions); the node's slots and the retry limit stay the ones
 * it was started with. Thread-safe; kept in memory.
 */
public final class NodeStatus {
    private final String localHost;
    private ConfigTable table;
    private final TreeSet<String> blacklist = new TreeSet<>();
    private final TreeSet<String> gcBlacklist = new TreeSet<>();
    private boolean acceptNewJobs = true;
    private int maxFailureRate;

    /** The status of node {@code localHost} with {@code slots} workers and {@code maxFailures}. */
    NodeStatus(String localHost, int slots, int maxFailures) {
        this.localHost = Objects.requireNonNull(localHost, "localHost");
        this.table = ConfigTable.single(localHost, slots);
        this.maxFailureRate = maxFailures;
    }

    /** This node's host name. */
    String localHost() {
        return localHost;
    }

    /** The node table. */
    synchronized ConfigTable table() {
        return table;
    }

    /** Replaces the node table; the blacklists keep only the hosts it names. */
    synchronized void saveTable(ConfigTable t) {
        table = Objects.requireNonNull(t, "t");
        blacklist.retainAll(t.hosts().keySet());
        gcBlacklist.retainAll(t.hosts().keySet());
    }

    /** Blacklists (or, with {@code listed} false, whitelists) {@code host}; hosts not in the table are ignored. */
    synchronized void blacklist(String host, boolean listed) {
        change(blacklist, host, listed);
    }

    /** The same for the DDFS garbage collector's blacklist. */
    synchronized void gcBlacklist(String host, boolean listed) {
        change(gcBlacklist, host, listed);
    }

    private void change(TreeSet<String> set, String host, boolean listed) {
        if (!listed) {
            set.remove(host);
        } else if (table.hosts().containsKey(host)) {
            set.add(host);
        }
    }

    /** The blacklisted hosts, sorted. */
    synchronized List<String> blacklisted() {
        return new ArrayList<>(blacklist);
    }

    /** The hosts the garbage collector leaves alone, sorted. */
    synchronized List<String> gcBlacklisted() {
        return new ArrayList<>(gcBlacklist);
    }

    /** Whether submissions are accepted. */
    public synchronized boolean acceptNewJobs() {
        return acceptNewJobs;
    }

    /** The reported {@code max_failure_rate}. */
    synchronized int maxFailureRate() {
        return maxFailureRate;
    }

    /** Sets {@code accept_new_jobs} (0 refuses submissions). */
    public synchronized void acceptNewJobs(boolean value) {
        acceptNewJobs = value;
    }

    /** Sets the reported {@code max_failure_rate}. */
    synchronized void maxFailureRate(int value) {
        maxFailureRate = value;
    }
}
