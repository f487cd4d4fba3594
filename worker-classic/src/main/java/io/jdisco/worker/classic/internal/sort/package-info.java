/**
 * The reduce's external merge sort (DESIGN.md §3.5): the order-preserving key encoding, the
 * in-memory sort buffer, run files and their merge, and the record codecs of the runs. Not an API.
 */
package io.jdisco.worker.classic.internal.sort;
