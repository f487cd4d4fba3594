/**
 * Running one job: its stages in order, each stage's tasks and their attempts over the node's
 * worker slots, re-runs after failures, and the saving of the last stage's outputs to DDFS.
 */
package io.jdisco.local.internal.coordination;
