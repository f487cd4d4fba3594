/**
 * What every part of a running local master shares: its configuration, timers and the node's
 * directories and the URLs that name them.
 */
package io.jdisco.local.internal.node;
