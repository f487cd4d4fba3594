/**
 * The cluster control operations under {@code /disco/ctrl/} (node table, blacklists, settings),
 * answered for a one-node cluster and kept in memory.
 */
package io.jdisco.local.internal.cluster;
