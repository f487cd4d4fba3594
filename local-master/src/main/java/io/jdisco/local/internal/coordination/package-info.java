/**
 * Running one job: its stages in order, each stage's tasks and their attempts over the node's
 * worker slots, re-runs after failures, the inputs each task is answered, and the saving of the
 * last stage's outputs to DDFS.
 */
package io.jdisco.local.internal.coordination;
