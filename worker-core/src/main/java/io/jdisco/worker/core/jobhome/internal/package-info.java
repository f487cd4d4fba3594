/** Implementation of the job home: entry-name rules and the deterministic ZIP writer. */
package io.jdisco.worker.core.jobhome.internal;
