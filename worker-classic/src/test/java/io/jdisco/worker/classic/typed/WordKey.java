package io.jdisco.worker.classic.typed;

/** A record key for the typed job tests: carried as its JSON text. */
public record WordKey(String first, int length) {
}
