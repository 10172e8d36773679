package org.fujie.pki.x509;

import static org.assertj.core.api.Assertions.assertThat;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

class ExtensionsTests {

    @Test
    void criticalThenFlaggedWithTheDerValue() throws Exception {
        BasicConstraints value = new BasicConstraints(0);

        Extension extension = Extensions.critical(Extension.basicConstraints, value);

        assertThat(extension.getExtnId()).isEqualTo(Extension.basicConstraints);
        assertThat(extension.isCritical()).isTrue();
        assertThat(extension.getExtnValue().getOctets()).isEqualTo(value.getEncoded("DER"));
        assertThat(BasicConstraints.getInstance(extension.getParsedValue()).getPathLenConstraint().intValue()).isZero();
    }

    @Test
    void nonCriticalThenNotFlagged() {
        Extension extension = Extensions.nonCritical(Extension.keyUsage, new KeyUsage(KeyUsage.digitalSignature));

        assertThat(extension.isCritical()).isFalse();
        assertThat(KeyUsage.getInstance(extension.getParsedValue()).hasUsages(KeyUsage.digitalSignature)).isTrue();
        assertThat(KeyUsage.getInstance(extension.getParsedValue()).hasUsages(KeyUsage.keyCertSign)).isFalse();
    }

    @Test
    void ofThenCriticalityAsGiven() {
        assertThat(Extensions.of(Extension.keyUsage, true, new KeyUsage(KeyUsage.cRLSign)).isCritical()).isTrue();
        assertThat(Extensions.of(Extension.keyUsage, false, new KeyUsage(KeyUsage.cRLSign)).isCritical()).isFalse();
    }
}
