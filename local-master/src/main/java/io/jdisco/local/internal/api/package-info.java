/**
 * Disco's HTTP API on the local master (SPEC §11.1): the routes every request goes through, over
 * HTTP or in process, which answer job submission and control and the node's data themselves and
 * hand cluster control, DDFS and the status pages to their families; and the job event query.
 */
package io.jdisco.local.internal.api;
