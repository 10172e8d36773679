package org.fujie.service.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fujie.service.problem.FujieException;
import org.fujie.service.problem.ProblemType;
import org.fujie.service.store.Timestamps;

/**
 * Which audit entries to read: every filter is optional. {@code actor} and {@code target} match a
 * substring, ignoring case; {@code action} and {@code outcome} match exactly; {@code from} is inclusive,
 * {@code to} exclusive.
 */
public record AuditQuery(String actor, String action, AuditOutcome outcome, String target, Instant from, Instant to) {

    public static final ProblemType INVALID = new ProblemType("audit-query-invalid", 400, "The audit query is invalid");
    public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null, null);

    /** Reads the filters as given in a request; a bad value is refused with {@link #INVALID}. */
    public static AuditQuery parse(String actor, String action, String outcome, String target, String from, String to) {
        AuditQuery query = new AuditQuery(text("actor", actor, 1024), text("action", action, 64), outcome(outcome),
                text("target", target, 256), time("from", from), time("to", to));
        if (query.from != null && query.to != null && !query.from.isBefore(query.to)) {
            throw new FujieException(INVALID, "from (" + from + ") must be before to (" + to + ")");
        }
        return query;
    }

    /** The SQL condition ({@code where ...}, or empty) over audit_log, with {@code extra} conditions added. */
    String where(String... extra) {
        List<String> conditions = new ArrayList<>();
        if (actor != null) {
            conditions.add("lower(actor) like :actor escape '\\'");
        }
        if (action != null) {
            conditions.add("action = :action");
        }
        if (outcome != null) {
            conditions.add("outcome = :outcome");
        }
        if (target != null) {
            conditions.add("lower(target) like :target escape '\\'");
        }
        if (from != null) {
            conditions.add("at >= :from");
        }
        if (to != null) {
            conditions.add("at < :to");
        }
        conditions.addAll(List.of(extra));
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** The values of the named parameters of {@link #where}. */
    Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (actor != null) {
            parameters.put("actor", containing(actor));
        }
        if (action != null) {
            parameters.put("action", action);
        }
        if (outcome != null) {
            parameters.put("outcome", outcome.name());
        }
        if (target != null) {
            parameters.put("target", containing(target));
        }
        if (from != null) {
            parameters.put("from", Timestamps.utc(from));
        }
        if (to != null) {
            parameters.put("to", Timestamps.utc(to));
        }
        return parameters;
    }

    private static String containing(String text) {
        String escaped = text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    private static String text(String name, String value, int maxLength) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new FujieException(INVALID, name + " is longer than " + maxLength + " characters");
        }
        return value;
    }

    private static AuditOutcome outcome(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return AuditOutcome.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FujieException(INVALID, "outcome must be one of " + List.of(AuditOutcome.values()));
        }
    }

    /** An RFC 3339 date-time with a UTC offset, e.g. 2026-12-03T10:00:00Z or 2026-12-03T18:00:00+08:00. */
    private static Instant time(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new FujieException(INVALID, name + " must be an RFC 3339 date-time such as 2026-12-03T10:00:00Z");
        }
    }
}
