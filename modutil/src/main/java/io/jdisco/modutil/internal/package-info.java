/**
 * Implementation of modutil: our own class-file reader (constant pool, descriptors,
 * signatures, annotations, instructions), class location and the dependency walk. Not an API.
 */
package io.jdisco.modutil.internal;
