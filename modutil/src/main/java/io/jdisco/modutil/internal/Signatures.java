package io.jdisco.modutil.internal;

import java.util.function.Consumer;

/**
 * Extracts class names from field and method descriptors and from generic signatures
 * (JVMS §4.3, §4.7.9.1). One recursive-descent parser serves all of them, because a descriptor is
 * a signature without generics:
 *
 * <pre>
 *   signature   := [typeParams] ( '(' javaType* ')' javaType ('^' refType)* | refType* )
 *   typeParams  := '<' ( Identifier ':' [refType] (':' refType)* )+ '>'
 *   javaType    := 'B'|'C'|'D'|'F'|'I'|'J'|'S'|'Z'|'V' | refType
 *   refType     := 'L' pkg/Simple typeArgs? ('.' Simple typeArgs?)* ';'   (a.b.Simple, a.b.Simple$Inner)
 *                | 'T' Identifier ';'                                      (a type variable)
 *                | '[' javaType                                            (an array)
 *   typeArgs    := '<' ( '*' | ['+'|'-'] refType )+ '>'
 * </pre>
 *
 * Naive scanning for {@code 'L'} would be wrong: a type parameter may be called {@code L}.
 */
final class Signatures {
    private final String text;
    private final Consumer<String> sink;
    private int pos;

    private Signatures(String text, Consumer<String> sink) {
        this.text = text;
        this.sink = sink;
    }

    /**
     * Feeds every class named in {@code signature} (a descriptor or a generic signature of a
     * class, field or method) to {@code sink} as a binary name.
     *
     * @throws IllegalArgumentException if the text is not a well-formed signature
     */
    static void classesIn(String signature, Consumer<String> sink) {
        Signatures parser = new Signatures(signature, sink);
        try {
            parser.signature();
        } catch (StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("truncated signature: " + signature, e);
        }
    }

    private void signature() {
        if (peek() == '<') {
            typeParameters();
        }
        if (pos < text.length() && peek() == '(') {
            pos++;
            while (peek() != ')') {
                javaType();
            }
            pos++;
            javaType();
            while (pos < text.length()) {
                expect('^');
                referenceType();
            }
            return;
        }
        while (pos < text.length()) {
            javaType();
        }
    }

    private void typeParameters() {
        expect('<');
        while (peek() != '>') {
            while (peek() != ':') {
                pos++;
            }
            while (pos < text.length() && peek() == ':') {
                pos++;
                char c = peek();
                if (c == 'L' || c == 'T' || c == '[') {
                    referenceType();
                }
            }
        }
        pos++;
    }

    private void javaType() {
        char c = peek();
        if ("BCDFIJSZV".indexOf(c) >= 0) {
            pos++;
        } else {
            referenceType();
        }
    }

    private void referenceType() {
        char c = text.charAt(pos++);
        switch (c) {
            case 'L' -> classType();
            case 'T' -> {
                pos = text.indexOf(';', pos);
                if (pos < 0) {
                    throw new IllegalArgumentException("unterminated type variable in " + text);
                }
                pos++;
            }
            case '[' -> javaType();
            default -> throw new IllegalArgumentException(
                    "unexpected '" + c + "' at " + (pos - 1) + " in signature " + text);
        }
    }

    private void classType() {
        StringBuilder name = new StringBuilder();
        name.append(identifier());
        while (true) {
            char c = text.charAt(pos);
            if (c == '<') {
                typeArguments();
            } else if (c == '.') {
                pos++;
                sink.accept(name.toString().replace('/', '.'));
                name.append('$').append(identifier());
            } else if (c == ';') {
                pos++;
                sink.accept(name.toString().replace('/', '.'));
                return;
            } else {
                throw new IllegalArgumentException(
                        "unexpected '" + c + "' at " + pos + " in signature " + text);
            }
        }
    }

    private String identifier() {
        int start = pos;
        while (";<.>:".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        if (pos == start) {
            throw new IllegalArgumentException("empty name at " + pos + " in signature " + text);
        }
        return text.substring(start, pos);
    }

    private void typeArguments() {
        expect('<');
        while (peek() != '>') {
            char c = peek();
            if (c == '*') {
                pos++;
                continue;
            }
            if (c == '+' || c == '-') {
                pos++;
            }
            referenceType();
        }
        pos++;
    }

    private char peek() {
        return text.charAt(pos);
    }

    private void expect(char c) {
        if (text.charAt(pos) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + pos
                    + " in signature " + text);
        }
        pos++;
    }
}
