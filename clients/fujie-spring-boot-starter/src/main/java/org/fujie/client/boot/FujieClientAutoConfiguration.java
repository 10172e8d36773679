package org.fujie.client.boot;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;

import org.fujie.client.boot.jwt.FujieJwtDecoders;
import org.fujie.client.boot.jwt.IntrospectionValidator;
import org.fujie.client.boot.mtls.CachingCertificateVerifier;
import org.fujie.client.boot.mtls.CertificateLoginService;
import org.fujie.client.boot.mtls.CertificateRoleMapper;
import org.fujie.client.boot.mtls.CertificateVerifier;
import org.fujie.client.boot.mtls.ConfiguredCertificateRoleMapper;
import org.fujie.client.boot.mtls.OnlineCertificateVerifier;
import org.fujie.client.boot.tls.FujieTls;
import org.fujie.client.boot.trust.TrustServiceClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ConditionalOnDefaultWebSecurity;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Fujie log-in for a servlet web application, on when {@code fujie.client.trust-service-url} is set. Runs before
 * Spring Boot's security auto-configuration, whose defaults (a generated user, its own JWT chain) then back off.
 */
@AutoConfiguration(before = {OAuth2ResourceServerAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
        UserDetailsServiceAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "fujie.client", name = "trust-service-url")
@EnableConfigurationProperties(FujieClientProperties.class)
public class FujieClientAutoConfiguration {

    static final String MTLS = "fujie.client.mtls";
    static final String JWT = "fujie.client.jwt";

    @Bean
    @ConditionalOnMissingBean
    TrustServiceClient fujieTrustServiceClient(FujieClientProperties properties) {
        // The certificate checks and introspection are API calls as role APP; the JWKS alone needs no client certificate.
        boolean callsAsApplication = properties.mtls().enabled() || properties.jwt().introspection().enabled();
        if (callsAsApplication && properties.keyStore() == null) {
            throw new IllegalStateException("the starter asks trust-service as this application: set fujie.client.key-store "
                    + "(its PKCS#12, granted role APP in trust-service) and fujie.client.key-store-password");
        }
        SSLContext tls = FujieTls.context(properties.trustChain(), callsAsApplication ? properties.keyStore() : null,
                properties.keyStorePassword());
        return new TrustServiceClient(properties.trustServiceUrl(), tls, properties.connectTimeout(), properties.requestTimeout());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = MTLS, name = "enabled", havingValue = "true", matchIfMissing = true)
    CertificateRoleMapper fujieCertificateRoleMapper(FujieClientProperties properties) {
        return new ConfiguredCertificateRoleMapper(properties.mtls().roleGrants());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = MTLS, name = "enabled", havingValue = "true", matchIfMissing = true)
    CertificateVerifier fujieCertificateVerifier(FujieClientProperties properties, TrustServiceClient trustService) {
        FujieClientProperties.Mtls mtls = properties.mtls();
        List<X509Certificate> fujieChain = FujieTls.trustChain(properties.trustChain());
        return new CachingCertificateVerifier(new OnlineCertificateVerifier(trustService, mtls.purpose(), fujieChain),
                mtls.validTtl(), mtls.invalidTtl(), mtls.cacheSize(), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = JWT, name = "enabled", havingValue = "true", matchIfMissing = true)
    JwtDecoder fujieJwtDecoder(FujieClientProperties properties, TrustServiceClient trustService) {
        FujieClientProperties.Jwt jwt = properties.jwt();
        URI jwks = jwt.jwksUrl() != null ? jwt.jwksUrl()
                : URI.create(properties.trustServiceUrl().toString().replaceAll("/+$", "") + "/.well-known/jwks.json");
        IntrospectionValidator introspection = jwt.introspection().enabled()
                ? new IntrospectionValidator(trustService, jwt.introspection().cacheTtl(), jwt.introspection().cacheSize(), Clock.systemUTC())
                : null;
        return FujieJwtDecoders.create(jwt, jwks, trustService.http(), properties.requestTimeout(), introspection);
    }

    @Bean
    @ConditionalOnMissingBean
    FujieLogin fujieLogin(ObjectProvider<CertificateVerifier> verifier, ObjectProvider<CertificateRoleMapper> roles,
            ObjectProvider<JwtDecoder> tokens, FujieClientProperties properties) {
        CertificateVerifier certificates = properties.mtls().enabled() ? verifier.getIfAvailable() : null;
        CertificateLoginService login = certificates == null ? null
                : new CertificateLoginService(certificates, roles.getIfAvailable(() -> certificate -> java.util.Set.of()));
        return new FujieLogin(login, properties.jwt().enabled() ? tokens.getIfAvailable() : null);
    }

    /** Only when the application defines no filter chain of its own: log in everywhere but the error page. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnDefaultWebSecurity
    @ConditionalOnProperty(prefix = "fujie.client", name = "default-security-chain", havingValue = "true", matchIfMissing = true)
    static class DefaultSecurityFilterChain {

        @Bean
        SecurityFilterChain fujieSecurityFilterChain(HttpSecurity http, FujieLogin fujieLogin) {
            http.authorizeHttpRequests(requests -> requests.requestMatchers("/error").permitAll().anyRequest().authenticated());
            fujieLogin.customize(http);
            return http.build();
        }
    }
}
