package org.fujie.client.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.fujie.client.boot.mtls.CertificateVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

class FujieClientAutoConfigurationTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FujieClientAutoConfiguration.class, SecurityAutoConfiguration.class,
                    ServletWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
                    UserDetailsServiceAutoConfiguration.class));

    private WebApplicationContextRunner configured(String... more) {
        return runner.withPropertyValues("fujie.client.trust-service-url=https://localhost:8445",
                "fujie.client.trust-chain=classpath:alice.pem").withPropertyValues(more);
    }

    @Test
    void startWhenNoTrustServiceUrlThenStarterStaysOff() {
        runner.run(context -> assertThat(context).doesNotHaveBean(FujieLogin.class));
    }

    @Test
    void startWhenJwtOnlyThenDecoderAndReadyChainAndNoGeneratedUser() {
        configured("fujie.client.mtls.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(JwtDecoder.class).doesNotHaveBean(CertificateVerifier.class)
                    .doesNotHaveBean(UserDetailsService.class).hasBean("fujieSecurityFilterChain");
            assertThat(context.getBean(FujieLogin.class).bearerTokens()).isTrue();
            assertThat(context.getBean(FujieLogin.class).mutualTls()).isFalse();
        });
    }

    @Test
    void startWhenApplicationHasItsOwnChainThenNoReadyChain() {
        configured("fujie.client.mtls.enabled=false").withUserConfiguration(OwnChain.class)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("fujieSecurityFilterChain").hasBean("ownChain"));
    }

    @Test
    void startWhenMutualTlsWithoutApplicationCertificateThenFailsNamingTheSetting() {
        configured().run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                .hasMessageContaining("fujie.client.key-store"));
    }

    @Test
    void startWhenMutualTlsWithApplicationCertificateThenVerifierAndBothModes(@TempDir Path dir) throws Exception {
        Path p12 = dir.resolve("app.p12");
        Process keytool = new ProcessBuilder("keytool", "-genkeypair", "-keyalg", "EC", "-groupname", "secp256r1", "-alias", "app",
                "-dname", "CN=Sample App,O=Example Bureau", "-storetype", "PKCS12", "-keystore", p12.toString(),
                "-storepass", "app-secret", "-validity", "2").redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0).isTrue();

        configured("fujie.client.key-store=file:" + p12, "fujie.client.key-store-password=app-secret").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(CertificateVerifier.class).hasSingleBean(JwtDecoder.class);
            assertThat(context.getBean(FujieLogin.class).mutualTls()).isTrue();
        });
        configured("fujie.client.key-store=file:" + p12, "fujie.client.key-store-password=wrong")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause().message().doesNotContain("wrong"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnChain {

        @Bean
        SecurityFilterChain ownChain(HttpSecurity http, FujieLogin fujieLogin) {
            http.authorizeHttpRequests(requests -> requests.anyRequest().hasRole("EDITOR"));
            fujieLogin.customize(http);
            return http.build();
        }
    }
}
