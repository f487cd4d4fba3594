/**
 * HTTP plumbing every family of routes shares: answers (JSON, errors, bodies, queries), the 400
 * refusal, files with byte ranges, the checks every request passes first
 * ({@link io.jdisco.local.internal.http.RequestGuard}), and the in-process transport that hands a
 * request of the master's own JVM to the routes without a socket.
 */
package io.jdisco.local.internal.http;
