package org.fujie.trust.auth;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.fujie.service.problem.CommonProblem;
import org.fujie.service.problem.FujieException;
import org.fujie.service.web.Caller;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Certificate log-in for intranet applications (CONTRACT.md): challenge, token, the published token keys,
 * introspection (RFC 7662) and log-out. Every answer that carries a token or a nonce is {@code no-store}.
 */
@RestController
class AuthController {

    private final Challenges challenges;
    private final CertificateLogin login;
    private final TokenSigningKeys keys;
    private final JwtDecoder ownTokens;
    private final RevokedTokens revoked;

    AuthController(Challenges challenges, CertificateLogin login, TokenSigningKeys keys, JwtDecoder ownTokens,
            RevokedTokens revoked) {
        this.challenges = challenges;
        this.login = login;
        this.keys = keys;
        this.ownTokens = ownTokens;
        this.revoked = revoked;
    }

    record ChallengeView(String challengeId, String nonce, String expiresAt) {
    }

    record TokenView(String access_token, String token_type, long expires_in, String subject) {
    }

    @PostMapping(value = "/api/v1/auth/challenge", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ChallengeView> challenge() {
        Challenges.Challenge challenge = challenges.issue();
        return noStore(new ChallengeView(challenge.id(), challenge.nonce(), challenge.expiresAt().toString()));
    }

    @PostMapping(value = "/api/v1/auth/token", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TokenView> token(@RequestBody(required = false) CertificateLogin.Answer answer, HttpServletRequest request) {
        if (answer == null) {
            throw new FujieException(CommonProblem.MALFORMED_REQUEST, "give {challengeId, certificatePem, signature}");
        }
        AccessTokens.Issued issued = login.login(answer, request.getRemoteAddr());
        return noStore(new TokenView(issued.token(), "Bearer", Duration.between(issued.issuedAt(), issued.expiresAt()).toSeconds(),
                issued.subject()));
    }

    @GetMapping(value = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(keys.published().toJSONObject(true));
    }

    /** RFC 7662: active or not, and the token's claims when active. For APP (relying applications) and ADMIN. */
    @PostMapping(value = "/api/v1/auth/introspect", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Map<String, Object>> introspect(@RequestParam(name = "token", required = false) String token) {
        if (token == null || token.isBlank()) {
            throw new FujieException(CommonProblem.MALFORMED_REQUEST, "give the token in the form field 'token'");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        try {
            Jwt jwt = ownTokens.decode(token);
            answer.put("active", true);
            answer.put("token_type", "Bearer");
            jwt.getClaims().forEach((name, value) -> answer.put(name, value instanceof java.time.Instant instant
                    ? instant.getEpochSecond() : value));
        } catch (JwtException e) {
            // RFC 7662 2.2: nothing more is said about a token that is not active.
            answer.clear();
            answer.put("active", false);
        }
        return noStore(answer);
    }

    /** Ends the bearer token this request carries; it stays refused by trust-service until it would have expired. */
    @PostMapping("/api/v1/auth/logout")
    ResponseEntity<Void> logout(Authentication authentication) {
        if (authentication == null || !(authentication.getCredentials() instanceof Jwt jwt)) {
            throw new FujieException(CommonProblem.MALFORMED_REQUEST, "log-out ends a bearer token: call it with the token to end");
        }
        revoked.revoke(jwt.getId(), jwt.getSubject(), jwt.getExpiresAt(), Caller.of(authentication));
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(LoginThrottledException.class)
    ResponseEntity<ProblemDetail> throttled(LoginThrottledException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(org.springframework.http.HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        body.setType(e.type().uri());
        body.setTitle(e.type().title());
        return ResponseEntity.status(429).header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header(HttpHeaders.PRAGMA, "no-cache").body(body);
    }
}
