package org.fujie.client.boot.mtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.fujie.client.boot.TestCertificates;
import org.fujie.client.boot.MovableClock;
import org.fujie.client.boot.trust.CertificateVerdict;
import org.fujie.client.boot.trust.TrustServiceUnavailableException;
import org.junit.jupiter.api.Test;

class CachingCertificateVerifierTests {

    private static final CertificateVerdict VALID = new CertificateVerdict(true, "TOTAL_PASSED", null, false, null);
    private static final CertificateVerdict REVOKED = new CertificateVerdict(false, "TOTAL_FAILED", "REVOKED", true, null);

    private final X509Certificate alice = TestCertificates.alice();
    private final MovableClock clock = new MovableClock();
    private final AtomicInteger calls = new AtomicInteger();
    private final Deque<Object> answers = new ArrayDeque<>();
    private final CertificateVerifier online = (certificate, chain) -> {
        calls.incrementAndGet();
        Object next = answers.pop();
        if (next instanceof RuntimeException failure) {
            throw failure;
        }
        return (CertificateVerdict) next;
    };
    private final CachingCertificateVerifier verifier = new CachingCertificateVerifier(online, Duration.ofSeconds(60),
            Duration.ofSeconds(10), 100, clock);

    @Test
    void verifyWhenValidThenReusedForItsTimeToLiveOnly() {
        answers.add(VALID);
        answers.add(REVOKED);

        assertThat(verifier.verify(alice, List.of())).isEqualTo(VALID);
        clock.advance(Duration.ofSeconds(59));
        assertThat(verifier.verify(alice, List.of())).isEqualTo(VALID);
        assertThat(calls).hasValue(1);
        clock.advance(Duration.ofSeconds(1));
        // After 60 s the next request asks again and sees the revocation.
        assertThat(verifier.verify(alice, List.of())).isEqualTo(REVOKED);
        assertThat(calls).hasValue(2);
    }

    @Test
    void verifyWhenInvalidThenReusedForTheShorterTimeToLive() {
        answers.add(REVOKED);
        answers.add(VALID);

        verifier.verify(alice, List.of());
        clock.advance(Duration.ofSeconds(9));
        assertThat(verifier.verify(alice, List.of())).isEqualTo(REVOKED);
        clock.advance(Duration.ofSeconds(1));
        assertThat(verifier.verify(alice, List.of())).isEqualTo(VALID);
        assertThat(calls).hasValue(2);
    }

    @Test
    void verifyWhenTrustServiceUnavailableThenNotCachedAndAskedAgain() {
        answers.add(new TrustServiceUnavailableException("down"));
        answers.add(VALID);

        assertThatThrownBy(() -> verifier.verify(alice, List.of())).isInstanceOf(TrustServiceUnavailableException.class);
        assertThat(verifier.verify(alice, List.of())).isEqualTo(VALID);
        assertThat(calls).hasValue(2);
    }
}
