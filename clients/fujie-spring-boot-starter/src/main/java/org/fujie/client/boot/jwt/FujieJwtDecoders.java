package org.fujie.client.boot.jwt;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.bc.BouncyCastleProviderSingleton;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import org.fujie.client.boot.FujieClientProperties;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The decoder for Fujie's JWTs: signature by the JWKS key of the token's kid (any of the configured asymmetric
 * algorithms that key fits: keys rotate and may change type), then typ, exp/nbf with a small skew, issuer,
 * audience, sub, the certificate binding, and (when on) introspection. Thread-safe and reusable.
 */
public final class FujieJwtDecoders {

    private FujieJwtDecoders() {
    }

    public static NimbusJwtDecoder create(FujieClientProperties.Jwt settings, URI jwksUrl, HttpClient http, Duration requestTimeout,
            OAuth2TokenValidator<Jwt> introspection) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms(settings.algorithms()), jwkSource(settings, jwksUrl, http, requestTimeout)));
        processor.setJWSVerifierFactory(bouncyCastleVerifiers());
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null));
        // The claims are Spring Security's validators' job (below), as in NimbusJwtDecoder's own builders.
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(validator(settings, introspection));
        return decoder;
    }

    /** Signatures checked by Bouncy Castle: the JDK's SunEC verifies ECDSA several times slower on Java 17. */
    static DefaultJWSVerifierFactory bouncyCastleVerifiers() {
        DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();
        verifiers.getJCAContext().setProvider(BouncyCastleProviderSingleton.getInstance());
        return verifiers;
    }

    static OAuth2TokenValidator<Jwt> validator(FujieClientProperties.Jwt settings, OAuth2TokenValidator<Jwt> introspection) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(settings.clockSkew());
        timestamps.setAllowEmptyExpiryClaim(false);
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(List.of(JwtTypeValidator.jwt(), timestamps,
                new JwtIssuerValidator(settings.issuer()), new JwtAudienceValidator(settings.audience()),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, subject -> subject != null && !subject.isBlank())));
        // createDefaultWithValidators adds Spring Security's RFC 8705 check of cnf.x5t#S256 against the TLS client certificate.
        OAuth2TokenValidator<Jwt> checks = settings.requireCertificateBinding()
                ? JwtValidators.createDefaultWithValidators(validators) : new DelegatingOAuth2TokenValidator<>(validators);
        return introspection == null ? checks : new DelegatingOAuth2TokenValidator<>(checks, introspection);
    }

    private static Set<JWSAlgorithm> algorithms(List<String> names) {
        Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
        for (String name : names) {
            JWSAlgorithm algorithm = JWSAlgorithm.parse(name);
            if (!JWSAlgorithm.Family.RSA.contains(algorithm) && !JWSAlgorithm.Family.EC.contains(algorithm)
                    && !JWSAlgorithm.Family.ED.contains(algorithm)) {
                // A shared secret cannot come from a public JWKS; "none" and unknown names are typos or attacks.
                throw new IllegalArgumentException("fujie.client.jwt.algorithms: " + name + " is not an asymmetric JWS algorithm");
            }
            algorithms.add(algorithm);
        }
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("fujie.client.jwt.algorithms is empty: no token could be accepted");
        }
        return algorithms;
    }

    private static JWKSource<SecurityContext> jwkSource(FujieClientProperties.Jwt settings, URI jwksUrl, HttpClient http,
            Duration requestTimeout) {
        try {
            JWKSourceBuilder<SecurityContext> builder = JWKSourceBuilder.create(jwksUrl.toURL(),
                            new HttpClientResourceRetriever(http, requestTimeout))
                    .cache(settings.jwksCacheTtl().toMillis(), requestTimeout.toMillis())
                    .refreshAheadCache(false);
            builder = settings.jwksRefetchInterval().isZero() ? builder.rateLimited(false)
                    : builder.rateLimited(settings.jwksRefetchInterval().toMillis());
            return builder.build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("fujie.client.jwt.jwks-url is not a URL: " + jwksUrl, e);
        }
    }
}
