package org.fujie.bench.ocsp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The top-level scalar members of a JSON object (strings unescaped, numbers and literals as written);
 * nested objects and arrays are skipped. Enough for the service's answers and wrk's result lines, and
 * keeps the benchmark free of a JSON library.
 */
public final class FlatJson {

    private final String text;
    private int at;

    private FlatJson(String text) {
        this.text = text;
    }

    public static Map<String, String> parse(String json) {
        FlatJson parser = new FlatJson(json);
        Map<String, String> members = new LinkedHashMap<>();
        parser.skipSpace();
        parser.expect('{');
        parser.skipSpace();
        if (parser.peek() == '}') {
            return members;
        }
        while (true) {
            parser.skipSpace();
            String name = parser.string();
            parser.skipSpace();
            parser.expect(':');
            parser.skipSpace();
            String value = parser.value();
            if (value != null) {
                members.put(name, value);
            }
            parser.skipSpace();
            if (parser.peek() == '}') {
                return members;
            }
            parser.expect(',');
        }
    }

    /** One member that must be there. */
    public static String require(Map<String, String> members, String name, String json) {
        String value = members.get(name);
        if (value == null) {
            throw new IllegalStateException("no \"" + name + "\" in " + abbreviate(json));
        }
        return value;
    }

    public static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "...";
    }

    /** A scalar as text, or null for an object or array (skipped) and for JSON null. */
    private String value() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '{' || c == '[') {
            skipNested();
            return null;
        }
        int start = at;
        while (at < text.length() && ",}] \t\r\n".indexOf(text.charAt(at)) < 0) {
            at++;
        }
        String literal = text.substring(start, at);
        return literal.equals("null") ? null : literal;
    }

    private void skipNested() {
        int depth = 0;
        do {
            char c = peek();
            if (c == '"') {
                string();
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
            at++;
        } while (depth > 0);
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = text.charAt(at++);
            switch (e) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> out.append(e);
            }
        }
    }

    private char peek() {
        if (at >= text.length()) {
            throw new IllegalStateException("JSON ends early: " + abbreviate(text));
        }
        return text.charAt(at);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw new IllegalStateException("expected '" + c + "' at " + at + " of " + abbreviate(text));
        }
        at++;
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }
}
