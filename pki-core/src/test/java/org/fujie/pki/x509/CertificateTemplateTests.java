package org.fujie.pki.x509;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.fujie.pki.TestCertificates;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.junit.jupiter.api.Test;

class CertificateTemplateTests {

    private static final X500Name SUBJECT = SubjectNames.parse("CN=leaf");
    private static final SubjectPublicKeyInfo KEY = TestCertificates.spki(KeyAlgorithm.EC_P256.generateKeyPair());
    private static final Instant NOT_BEFORE = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant NOT_AFTER = Instant.parse("2027-01-01T00:00:00Z");

    @Test
    void newWhenSerialNotPositiveThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> template(BigInteger.ZERO, NOT_BEFORE, NOT_AFTER));
        assertThatIllegalArgumentException().isThrownBy(() -> template(BigInteger.valueOf(-5), NOT_BEFORE, NOT_AFTER));
        assertThat(template(BigInteger.ONE, NOT_BEFORE, NOT_AFTER).serial()).isEqualTo(BigInteger.ONE);
    }

    @Test
    void newWhenNotBeforeIsNotBeforeNotAfterThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> template(BigInteger.TEN, NOT_AFTER, NOT_BEFORE));
        assertThatIllegalArgumentException().isThrownBy(() -> template(BigInteger.TEN, NOT_BEFORE, NOT_BEFORE));
        assertThat(template(BigInteger.TEN, NOT_BEFORE, NOT_BEFORE.plusSeconds(1)).notAfter())
                .isEqualTo(NOT_BEFORE.plusSeconds(1));
    }

    @Test
    void newWhenAnyPartMissingThenRejectedNamingIt() {
        List<Extension> none = List.of();
        assertThatNullPointerException().isThrownBy(() -> new CertificateTemplate(null, SUBJECT, KEY, NOT_BEFORE, NOT_AFTER, none))
                .withMessage("serial");
        assertThatNullPointerException().isThrownBy(() -> new CertificateTemplate(BigInteger.TEN, null, KEY, NOT_BEFORE, NOT_AFTER, none))
                .withMessage("subject");
        assertThatNullPointerException().isThrownBy(() -> new CertificateTemplate(BigInteger.TEN, SUBJECT, null, NOT_BEFORE, NOT_AFTER, none))
                .withMessage("publicKey");
        assertThatNullPointerException().isThrownBy(() -> new CertificateTemplate(BigInteger.TEN, SUBJECT, KEY, null, NOT_AFTER, none))
                .withMessage("notBefore");
        assertThatNullPointerException().isThrownBy(() -> new CertificateTemplate(BigInteger.TEN, SUBJECT, KEY, NOT_BEFORE, null, none))
                .withMessage("notAfter");
        assertThatNullPointerException().isThrownBy(() -> new CertificateTemplate(BigInteger.TEN, SUBJECT, KEY, NOT_BEFORE, NOT_AFTER, null));
    }

    @Test
    void newThenExtensionsAreAnImmutableCopy() {
        List<Extension> extensions = new ArrayList<>();
        extensions.add(Extensions.critical(Extension.basicConstraints, new BasicConstraints(false)));

        CertificateTemplate template = new CertificateTemplate(BigInteger.TEN, SUBJECT, KEY, NOT_BEFORE, NOT_AFTER, extensions);
        extensions.clear();

        assertThat(template.extensions()).hasSize(1);
        assertThatThrownBy(() -> template.extensions().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    private static CertificateTemplate template(BigInteger serial, Instant notBefore, Instant notAfter) {
        return new CertificateTemplate(serial, SUBJECT, KEY, notBefore, notAfter, List.of());
    }
}
