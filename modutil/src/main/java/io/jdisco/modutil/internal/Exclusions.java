package io.jdisco.modutil.internal;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The {@code exclude} argument: an entry {@code a.b.C} removes the class {@code a.b.C}, its
 * nested classes {@code a.b.C$…}, and, read as a package, every class in {@code a.b.C} and its
 * subpackages; {@code a.b.*} is accepted as a synonym of {@code a.b}.
 */
public final class Exclusions implements Predicate<String> {
    private final List<String> entries;

    private Exclusions(List<String> entries) {
        this.entries = entries;
    }

    /**
     * Exclusions from {@code names}.
     *
     * @throws IllegalArgumentException if an entry is empty
     */
    public static Exclusions of(Collection<String> names) {
        Objects.requireNonNull(names, "exclude");
        return new Exclusions(names.stream().map(name -> {
            Objects.requireNonNull(name, "exclude entry");
            String trimmed = name.endsWith(".*") ? name.substring(0, name.length() - 2) : name;
            if (trimmed.isBlank()) {
                throw new IllegalArgumentException("empty exclude entry: '" + name + "'");
            }
            return trimmed;
        }).toList());
    }

    @Override
    public boolean test(String className) {
        for (String entry : entries) {
            if (className.equals(entry) || (className.startsWith(entry)
                    && (className.charAt(entry.length()) == '.'
                    || className.charAt(entry.length()) == '$'))) {
                return true;
            }
        }
        return false;
    }
}
