package org.fujie.trust;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.fujie.ca.support.FujieTestClient;
import org.fujie.ca.support.matrix.CredentialKind;
import org.fujie.service.security.Role;

import tools.jackson.databind.JsonNode;

/**
 * Bearer tokens from trust-service's certificate log-in: one user-auth certificate per role, granted that role in
 * trust-service by subject, which the token then carries. Each client logs in afresh, so a row that logs out (ending
 * its token) cannot spoil the rows after it.
 */
final class LoginTokens implements CredentialKind {

    private final RunningTrustService services;
    private final Map<Role, LoginUsers.User> users = new EnumMap<>(Role.class);

    LoginTokens(RunningTrustService services) {
        this.services = services;
        for (Role role : Role.values()) {
            LoginUsers.User user = LoginUsers.issue(services.ca.admin(), "CN=Token Matrix " + role + ",O=Fujie Tests",
                    "user-auth", "EC-P256");
            FujieTestClient.Response granted = services.admin.put("/api/v1/principals",
                    Map.of("subject", user.subject(), "roles", List.of(role.name())));
            if (granted.status() != 200) {
                throw new IllegalStateException(granted.body());
            }
            users.put(role, user);
        }
    }

    @Override
    public String name() {
        return "bearer token";
    }

    @Override
    public FujieTestClient as(Role role, String baseUrl) {
        FujieTestClient trust = FujieTestClient.anonymous(services.trustUrl, services.ca.trustChain());
        LoginUsers.User user = users.get(role);
        JsonNode challenge = trust.post("/api/v1/auth/challenge", Map.of()).json();
        FujieTestClient.Response token = trust.post("/api/v1/auth/token",
                user.answer(challenge.get("challengeId").asString(), user.sign(challenge.get("nonce").asString())));
        if (token.status() != 200) {
            throw new IllegalStateException("log-in as " + role + " failed: " + token.body());
        }
        return FujieTestClient.anonymous(baseUrl, services.ca.trustChain()).withBearer(token.json().get("access_token").asString());
    }
}
