package org.fujie.pki.tsp;

import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.fujie.pki.TestCertificates;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.x509.Extensions;

/** TSA certificates for tests: critical EKU timeStamping only (RFC 3161 2.3), and ones that get it wrong. */
final class TestTsa {

    static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.3161.1");
    static final ASN1ObjectIdentifier OTHER_POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.3161.2");

    private TestTsa() {
    }

    static TestCertificates.Issued tsa(TestCertificates.Issued issuer, KeyAlgorithm algorithm) {
        return TestCertificates.issue(issuer, algorithm, "CN=Fujie TSA " + algorithm.id() + ",O=Fujie Test",
                tsaExtensions(Extensions.critical(Extension.extendedKeyUsage, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping))));
    }

    static List<Extension> tsaExtensions(Extension eku) {
        return List.of(
                Extensions.critical(Extension.basicConstraints, new BasicConstraints(false)),
                Extensions.critical(Extension.keyUsage, new KeyUsage(KeyUsage.digitalSignature)),
                eku);
    }
}
