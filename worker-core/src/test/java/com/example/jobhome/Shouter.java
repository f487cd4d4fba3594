package com.example.jobhome;

import java.util.Locale;

/** A helper the worker calls: found by modutil, shipped as a class file. */
final class Shouter {
    private Shouter() {
    }

    static String shout(String s) {
        return s.toUpperCase(Locale.ROOT) + "!";
    }
}
