/**
 * The local master's HTTP front: the routes of its API and the node's data server
 * ({@link io.jdisco.local.internal.http.MasterRoutes}), the checks every request passes first
 * ({@link io.jdisco.local.internal.http.RequestGuard}), file answers with byte ranges, and the
 * in-process transport that hands a request of the master's own JVM to the same routes.
 */
package io.jdisco.local.internal.http;
