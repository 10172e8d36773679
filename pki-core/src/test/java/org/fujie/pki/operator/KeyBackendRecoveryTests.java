package org.fujie.pki.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.RuntimeOperatorException;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backend that fails (wrong PIN, HSM unplugged, Vault sealed) is tried again after a pause and recovers. */
class KeyBackendRecoveryTests {

    @TempDir
    Path directory;

    private final MutableClock clock = new MutableClock();
    private SoftwareKeyBackend real;

    @BeforeEach
    void backend() {
        real = new SoftwareKeyBackend(directory, "recovery-test-passphrase".toCharArray());
    }

    @Test
    void openWhenFailingThenTriedAgainOnlyAfterPauseAndRecovers() {
        AtomicInteger attempts = new AtomicInteger();
        AtomicBoolean pinFixed = new AtomicBoolean();
        ResilientKeyBackend hsm = new ResilientKeyBackend("hsm", () -> {
            attempts.incrementAndGet();
            if (!pinFixed.get()) {
                throw new KeyBackendException("cannot log in to PKCS#11 slot 1: CKR_PIN_INCORRECT");
            }
            return real;
        }, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), clock));

        assertThatThrownBy(() -> hsm.contains("ca-root")).hasMessageContaining("CKR_PIN_INCORRECT");
        assertThatThrownBy(() -> hsm.contains("ca-root")).hasMessageContaining("next try in 1 s");
        assertThat(attempts).hasValue(1);
        assertThat(hsm.unavailableReason()).contains("CKR_PIN_INCORRECT");

        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> hsm.contains("ca-root")).hasMessageContaining("CKR_PIN_INCORRECT");
        assertThat(attempts).hasValue(2);
        // The pause doubles: a second later is still too early.
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> hsm.contains("ca-root")).hasMessageContaining("next try in 1 s");
        assertThat(attempts).hasValue(2);

        pinFixed.set(true);
        clock.advance(Duration.ofSeconds(1));
        assertThat(hsm.generate("ca-root", KeyAlgorithm.EC_P256).alias()).isEqualTo("ca-root");
        assertThat(hsm.unavailableReason()).isNull();
        assertThat(attempts).hasValue(3);
    }

    @Test
    void backoffWhenFailingRepeatedlyThenPauseStopsAtCeiling() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(4), clock);
        for (int i = 0; i < 5; i++) {
            backoff.failed("down");
        }
        clock.advance(Duration.ofSeconds(3));
        assertThatThrownBy(() -> backoff.checkReady("hsm")).hasMessageContaining("next try in 1 s");
        clock.advance(Duration.ofSeconds(1));
        backoff.checkReady("hsm");
    }

    @Test
    void signWhenBackendDownThenUnavailableWithReasonAndRecoversAfterPause() throws Exception {
        SigningKey made = real.generate("ca-issuing", KeyAlgorithm.EC_P256);
        FlakyBackend flaky = new FlakyBackend(real);
        DeferredSigningKey key = new DeferredSigningKey(flaky, "ca-issuing", KeyAlgorithm.EC_P256, made.publicKeyInfo(),
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), clock));

        flaky.down = "vault at https://vault:8200 is sealed";
        assertThatThrownBy(key::newContentSigner).isInstanceOf(KeyBackendException.class)
                .hasMessage("key ca-issuing is unavailable: vault at https://vault:8200 is sealed");
        assertThat(key.unavailableReason()).contains("sealed");
        // The public half needs no backend.
        assertThat(key.publicKeyInfo()).isEqualTo(made.publicKeyInfo());

        flaky.down = null;
        assertThatThrownBy(key::newContentSigner).hasMessageContaining("next try in 1 s");
        clock.advance(Duration.ofSeconds(1));
        assertThat(sign(key)).isNotEmpty();
        assertThat(key.unavailableReason()).isNull();
    }

    @Test
    void signWhenSignatureFailsThenKeyIsLookedUpAgainAfterPause() throws Exception {
        SigningKey made = real.generate("ca-issuing", KeyAlgorithm.EC_P256);
        FlakyBackend flaky = new FlakyBackend(real);
        DeferredSigningKey key = new DeferredSigningKey(flaky, "ca-issuing", KeyAlgorithm.EC_P256, made.publicKeyInfo(),
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), clock));
        assertThat(sign(key)).isNotEmpty();
        assertThat(flaky.lookups).hasValue(1);

        flaky.failSignatures = true;
        assertThatThrownBy(() -> sign(key)).isInstanceOf(KeyBackendException.class)
                .hasMessageContaining("key ca-issuing failed to sign").hasMessageContaining("token removed");

        flaky.failSignatures = false;
        clock.advance(Duration.ofSeconds(1));
        assertThat(sign(key)).isNotEmpty();
        assertThat(flaky.lookups).hasValue(2);
    }

    @Test
    void signWhenBackendHoldsAnotherKeyUnderAliasThenRefused() {
        SigningKey other = new SoftwareKeyBackend(directory.resolve("other"), "recovery-test-passphrase".toCharArray())
                .generate("ca-issuing", KeyAlgorithm.EC_P256);
        real.generate("ca-issuing", KeyAlgorithm.EC_P256);
        DeferredSigningKey key = new DeferredSigningKey(real, "ca-issuing", KeyAlgorithm.EC_P256, other.publicKeyInfo(),
                Backoff.standard());

        assertThatThrownBy(key::newContentSigner).isInstanceOf(KeyBackendException.class)
                .hasMessageContaining("is not the one its certificate names");
    }

    private static byte[] sign(SigningKey key) throws Exception {
        ContentSigner signer = key.newContentSigner();
        try (OutputStream out = signer.getOutputStream()) {
            out.write(new byte[] {1, 2, 3});
        }
        return signer.getSignature();
    }

    /** A backend that can be made to fail as a sealed Vault or an unplugged token would. */
    private static final class FlakyBackend implements KeyBackend {
        private final KeyBackend real;
        private final AtomicInteger lookups = new AtomicInteger();
        private volatile String down;
        private volatile boolean failSignatures;

        FlakyBackend(KeyBackend real) {
            this.real = real;
        }

        @Override
        public String name() {
            return "flaky";
        }

        @Override
        public boolean contains(String alias) {
            return real.contains(alias);
        }

        @Override
        public SigningKey generate(String alias, KeyAlgorithm algorithm) {
            return real.generate(alias, algorithm);
        }

        @Override
        public SigningKey get(String alias) {
            if (down != null) {
                throw new KeyBackendException(down);
            }
            lookups.incrementAndGet();
            SigningKey key = real.get(alias);
            return new SigningKey() {
                public String alias() {
                    return key.alias();
                }

                public KeyAlgorithm algorithm() {
                    return key.algorithm();
                }

                public org.bouncycastle.asn1.x509.SubjectPublicKeyInfo publicKeyInfo() {
                    return key.publicKeyInfo();
                }

                public ContentSigner newContentSigner() {
                    ContentSigner inner = key.newContentSigner();
                    return new ContentSigner() {
                        public AlgorithmIdentifier getAlgorithmIdentifier() {
                            return inner.getAlgorithmIdentifier();
                        }

                        public OutputStream getOutputStream() {
                            return inner.getOutputStream();
                        }

                        public byte[] getSignature() {
                            if (failSignatures) {
                                throw new RuntimeOperatorException("token removed");
                            }
                            return inner.getSignature();
                        }
                    };
                }
            };
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-06T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
