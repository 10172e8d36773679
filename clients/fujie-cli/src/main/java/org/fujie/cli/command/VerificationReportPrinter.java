package org.fujie.cli.command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A verification report for people: the verdict first, then per signature who, when, which seal, the time-stamp and
 * what it covers. Read from the JSON as sent, so fields the SDK's records do not model (modifications, checks) show too.
 */
final class VerificationReportPrinter {

    private final PrintWriter out;

    VerificationReportPrinter(PrintWriter out) {
        this.out = out;
    }

    void print(JsonNode report) {
        JsonNode signatures = report.path("signatures");
        out.println(indication(report) + ": " + signatures.size() + " signature(s)" + suffix(report.path("detail")));
        for (JsonNode s : signatures) {
            out.println();
            out.println(s.path("id").asString("?") + "  [" + s.path("format").asString("?") + ", " + s.path("level").asString("no level")
                    + "]  " + indication(s));
            line("signer", text(s, "signer"));
            JsonNode seal = s.path("seal");
            if (!seal.isMissingNode() && !seal.isNull()) {
                line("seal", text(seal, "name") + " (esID " + text(seal, "esId") + ", valid " + text(seal, "validStart") + " to "
                        + text(seal, "validEnd") + "), maker " + text(seal, "maker"));
            }
            line("role", text(s, "claimedRole"));
            line("signed at", signingTime(s));
            JsonNode ts = s.path("timestamp");
            if (!ts.isMissingNode() && !ts.isNull()) {
                line("time-stamp", text(ts, "genTime") + " by " + text(ts, "tsa") + " (" + indication(ts) + ")");
            }
            for (JsonNode archive : s.path("archiveTimestamps")) {
                line("archive time-stamp", text(archive, "genTime") + " by " + text(archive, "tsa") + " (" + indication(archive) + ")");
            }
            line("integrity", s.path("integrity").asBoolean(false) ? "intact" : "BROKEN: the signed data changed");
            line("covers", coverage(s));
            line("countersigns", text(s, "counterSignatureOf"));
            List<String> checks = new ArrayList<>();
            for (JsonNode check : s.path("checks")) {
                String verdict = check.path("indication").asString("");
                checks.add(check.path("check").asString("?") + ("TOTAL_PASSED".equals(verdict) ? "" : " " + verdict));
            }
            line("checks", checks.isEmpty() ? null : String.join(", ", checks));
            line("detail", text(s, "detail"));
        }
    }

    private static String coverage(JsonNode s) {
        List<String> parts = new ArrayList<>();
        if (s.path("coversWholeDocument").asBoolean(false)) {
            parts.add("the whole document");
        } else {
            List<String> changes = new ArrayList<>();
            for (JsonNode m : s.path("modifications")) {
                changes.add(m.path("description").asString(m.path("kind").asString("?")) + (m.path("allowed").asBoolean(false) ? " (allowed)" : " (NOT allowed)"));
            }
            parts.add("not the whole document" + (changes.isEmpty() ? "" : "; changed after signing: " + String.join("; ", changes)));
        }
        List<String> scopes = new ArrayList<>();
        s.path("signedScopes").forEach(scope -> scopes.add(scope.asString()));
        if (!scopes.isEmpty()) {
            parts.add("signed: " + String.join("; ", scopes));
        }
        return String.join("; ", parts);
    }

    private static String signingTime(JsonNode s) {
        String time = text(s, "signingTime");
        String claimed = text(s, "claimedSigningTime");
        if (time == null) {
            return claimed == null ? "unknown" : claimed + " (claimed by the signer)";
        }
        return claimed == null || claimed.equals(time) ? time : time + " (the signer claims " + claimed + ")";
    }

    private static String indication(JsonNode node) {
        String sub = text(node, "subIndication");
        return node.path("indication").asString("?") + (sub == null ? "" : " / " + sub);
    }

    private void line(String name, String value) {
        if (value != null) {
            out.println("  " + name + ":" + " ".repeat(Math.max(1, 20 - name.length())) + value);
        }
    }

    private static String suffix(JsonNode detail) {
        return detail.isMissingNode() || detail.isNull() ? "" : " (" + detail.asString() + ")";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }
}
