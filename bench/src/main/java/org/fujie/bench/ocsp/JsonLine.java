package org.fujie.bench.ocsp;

import java.util.Locale;

/** A flat JSON object written member by member: numbers, strings, or raw JSON. */
public final class JsonLine {

    private final StringBuilder out = new StringBuilder("{");

    public JsonLine put(String name, double value) {
        return raw(name, value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.3f", value));
    }

    public JsonLine put(String name, String value) {
        return raw(name, "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
    }

    /** A member whose value is JSON already (an object, an array, a literal). */
    public JsonLine raw(String name, String json) {
        if (out.length() > 1) {
            out.append(',');
        }
        out.append('"').append(name).append("\":").append(json);
        return this;
    }

    @Override
    public String toString() {
        return out + "}";
    }
}
