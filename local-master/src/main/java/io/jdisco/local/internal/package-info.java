/** The local master's implementation: HTTP routes, job coordination, worker sessions, DDFS. */
package io.jdisco.local.internal;
