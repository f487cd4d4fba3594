/** Implementation of {@code io.jdisco.taskio}; not an API, may change at any time. */
package io.jdisco.taskio.internal;
