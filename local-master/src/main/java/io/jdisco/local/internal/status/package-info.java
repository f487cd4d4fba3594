/**
 * What the status pages need: their files, served from the jar, and the queries beyond Disco's
 * API that they ask (job lists with details, a job's details and counters).
 */
package io.jdisco.local.internal.status;
