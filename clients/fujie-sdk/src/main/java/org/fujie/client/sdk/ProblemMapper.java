package org.fujie.client.sdk;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An error answer as the exception an application catches: by status, keeping the problem's type, title and detail. */
final class ProblemMapper {

    private final JsonMapper json;

    ProblemMapper(JsonMapper json) {
        this.json = json;
    }

    FujieProblemException map(URI uri, int status, HttpHeaders headers, byte[] body) {
        FujieProblemException.Problem problem = read(uri, status, headers, body);
        return switch (status) {
            case 400 -> new InvalidRequestException(problem);
            case 401 -> new UnauthorizedException(problem);
            case 403 -> new ForbiddenException(problem);
            case 404 -> new NotFoundException(problem);
            case 409 -> new ConflictException(problem);
            case 503 -> new UnavailableException(problem, retryAfter(headers));
            default -> new FujieProblemException(problem);
        };
    }

    private FujieProblemException.Problem read(URI uri, int status, HttpHeaders headers, byte[] body) {
        boolean problemJson = headers.firstValue("Content-Type").map(t -> t.startsWith("application/problem+json")
                || t.startsWith("application/json")).orElse(false);
        if (problemJson && body.length > 0) {
            try {
                JsonNode node = json.readTree(body);
                return new FujieProblemException.Problem(uri, status, text(node, "type"), text(node, "title"), text(node, "detail"));
            } catch (JacksonException e) {
                // A proxy's page or a broken body: the status still says what happened.
            }
        }
        return new FujieProblemException.Problem(uri, status, null, "HTTP " + status, null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** Retry-After as seconds or as an HTTP date (RFC 9110 10.2.3); null when absent or unreadable. */
    static Duration retryAfter(HttpHeaders headers) {
        String value = headers.firstValue("Retry-After").map(String::strip).orElse(null);
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException e) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
