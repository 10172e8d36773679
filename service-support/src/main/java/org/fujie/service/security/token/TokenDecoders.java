package org.fujie.service.security.token;

import java.net.MalformedURLException;
import java.net.URI;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import org.fujie.pki.crypto.CryptoProviders;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Decoders of trust-service's access tokens: the signature checked against trust-service's published keys (by
 * {@code kid}), then issuer, audience and the time claims. The algorithms are the asymmetric ones trust-service can
 * sign with; {@code none} and HMAC are never accepted, whatever a token's header says.
 */
public final class TokenDecoders {

    /** The JOSE algorithms of the keys trust-service signs tokens with (EC P-256/P-384, RSA PKCS#1 v1.5). */
    public static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.RS256);

    private TokenDecoders() {
    }

    /**
     * For a service other than trust-service: the keys fetched from trust-service's JWKS (cached, refreshed when a
     * token names a key not seen yet, as after a rotation).
     */
    public static JwtDecoder remote(URI jwksUri, ResourceRetriever retriever, String issuer, String audience) {
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.create(jwksUri.toURL(), retriever).build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("bad JWKS URL " + jwksUri, e);
        }
        return of(keys, issuer, audience, List.of());
    }

    /** Over any key source, with more checks after the standard ones (e.g. trust-service's logged-out tokens). */
    public static JwtDecoder of(JWKSource<SecurityContext> keys, String issuer, String audience,
            List<OAuth2TokenValidator<Jwt>> more) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        // Bouncy Castle verifies ECDSA several times faster than the JDK's SunEC on Java 17.
        DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();
        verifiers.getJCAContext().setProvider(CryptoProviders.bouncyCastle());
        processor.setJWSVerifierFactory(verifiers);
        // Spring's validators below check the claims; Nimbus's own claims verifier would check exp/nbf twice.
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        List<OAuth2TokenValidator<Jwt>> validators = new java.util.ArrayList<>();
        validators.add(JwtValidators.createDefaultWithIssuer(issuer));
        validators.add(audience(audience));
        validators.addAll(more);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> audience(String audience) {
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "the token is not for audience " + audience, null));
    }
}
