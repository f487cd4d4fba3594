/**
 * Implementation of the classic worker: the map, shuffle and reduce tasks, the external sort,
 * index reading, parameter views and trace trimming. Not an API.
 */
package io.jdisco.worker.classic.internal;
