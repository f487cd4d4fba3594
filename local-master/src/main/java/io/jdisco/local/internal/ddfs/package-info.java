/**
 * A one-node DDFS (SPEC §11.4): tags with their attributes and tokens, blobs on disk, the garbage
 * collector, and the {@code /ddfs/} routes that answer as Disco 0.5.4 does.
 */
package io.jdisco.local.internal.ddfs;
