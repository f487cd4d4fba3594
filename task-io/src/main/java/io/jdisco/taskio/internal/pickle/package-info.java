/**
 * The safe pickle protocol-1 codec of Disco's records (SPEC §7.5): encoder, decoder and its stack, memo, globals and text helpers; implementation only, not an API.
 */
package io.jdisco.taskio.internal.pickle;
