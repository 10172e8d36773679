package org.fujie.ca.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;

/** The HTTP security headers every answer of the HTTPS API, and every public plain-HTTP answer, must carry. */
public final class SecurityHeaderAssertions {

    private static final String CSP = "default-src 'none'; frame-ancestors 'none'";

    private SecurityHeaderAssertions() {
    }

    public static void assertApiHeaders(HttpResponse<?> response) {
        HttpHeaders headers = response.headers();
        String what = response.request().method() + " " + response.uri() + " -> " + response.statusCode();
        assertThat(headers.allValues("Strict-Transport-Security")).as(what).containsExactly("max-age=31536000; includeSubDomains");
        assertThat(headers.allValues("X-Content-Type-Options")).as(what).containsExactly("nosniff");
        assertThat(headers.allValues("X-Frame-Options")).as(what).containsExactly("DENY");
        assertThat(headers.allValues("Content-Security-Policy")).as(what).containsExactly(CSP);
        assertThat(headers.allValues("Referrer-Policy")).as(what).containsExactly("no-referrer");
        assertThat(headers.allValues("Cache-Control")).as(what).containsExactly("no-store");
        assertThat(headers.firstValue("Permissions-Policy")).as(what).hasValueSatisfying(policy ->
                assertThat(policy).contains("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"));
    }

    /** Plain HTTP (RFC 5280/6960/3161 endpoints): nosniff and the CSP, and no HSTS, which only HTTPS may send. */
    public static void assertPublicHeaders(HttpResponse<?> response) {
        HttpHeaders headers = response.headers();
        String what = response.request().method() + " " + response.uri() + " -> " + response.statusCode();
        assertThat(headers.allValues("X-Content-Type-Options")).as(what).containsExactly("nosniff");
        assertThat(headers.allValues("Content-Security-Policy")).as(what).containsExactly(CSP);
        assertThat(headers.firstValue("Strict-Transport-Security")).as(what).isEmpty();
    }
}
