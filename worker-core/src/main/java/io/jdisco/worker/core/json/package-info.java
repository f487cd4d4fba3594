/** JSON written byte-for-byte like Python's {@code json.dumps}, shared by the protocol and the job pack. */
package io.jdisco.worker.core.json;
