package org.fujie.ca.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.util.ASN1Dump;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.util.encoders.Hex;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.x509.Fingerprints;
import org.fujie.pki.x509.SerialNumbers;
import org.fujie.pki.x509.SubjectNames;

/**
 * Reads a certificate's extensions into words with Bouncy Castle: the RFC 5280 extensions Fujie's profiles write by
 * name and meaning, anything else as an ASN.1 dump, so that nothing in a certificate stays hidden.
 */
final class CertificateDecoder {

    private static final DefaultAlgorithmNameFinder ALGORITHMS = new DefaultAlgorithmNameFinder();

    private static final Map<ASN1ObjectIdentifier, String> NAMES = Map.ofEntries(
            Map.entry(Extension.basicConstraints, "Basic constraints"),
            Map.entry(Extension.keyUsage, "Key usage"),
            Map.entry(Extension.extendedKeyUsage, "Extended key usage"),
            Map.entry(Extension.subjectAlternativeName, "Subject alternative name"),
            Map.entry(Extension.issuerAlternativeName, "Issuer alternative name"),
            Map.entry(Extension.subjectKeyIdentifier, "Subject key identifier"),
            Map.entry(Extension.authorityKeyIdentifier, "Authority key identifier"),
            Map.entry(Extension.cRLDistributionPoints, "CRL distribution points"),
            Map.entry(Extension.authorityInfoAccess, "Authority information access"),
            Map.entry(Extension.certificatePolicies, "Certificate policies"),
            Map.entry(Extension.nameConstraints, "Name constraints"),
            Map.entry(new ASN1ObjectIdentifier("1.3.6.1.5.5.7.48.1.5"), "OCSP no check"));

    private static final Map<KeyPurposeId, String> PURPOSES = Map.of(
            KeyPurposeId.id_kp_serverAuth, "serverAuth", KeyPurposeId.id_kp_clientAuth, "clientAuth",
            KeyPurposeId.id_kp_codeSigning, "codeSigning", KeyPurposeId.id_kp_emailProtection, "emailProtection",
            KeyPurposeId.id_kp_timeStamping, "timeStamping", KeyPurposeId.id_kp_OCSPSigning, "OCSPSigning");

    private static final String[] KEY_USAGES = {"digitalSignature", "nonRepudiation", "keyEncipherment",
            "dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"};
    private static final int[] KEY_USAGE_BITS = {KeyUsage.digitalSignature, KeyUsage.nonRepudiation, KeyUsage.keyEncipherment,
            KeyUsage.dataEncipherment, KeyUsage.keyAgreement, KeyUsage.keyCertSign, KeyUsage.cRLSign, KeyUsage.encipherOnly,
            KeyUsage.decipherOnly};

    private CertificateDecoder() {
    }

    static DecodedCertificate decode(byte[] der) {
        X509CertificateHolder certificate;
        try {
            certificate = new X509CertificateHolder(der);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored certificate is damaged", e);
        }
        List<DecodedCertificate.Extension> extensions = new ArrayList<>();
        if (certificate.getExtensions() != null) {
            for (ASN1ObjectIdentifier oid : certificate.getExtensions().getExtensionOIDs()) {
                Extension extension = certificate.getExtension(oid);
                extensions.add(new DecodedCertificate.Extension(NAMES.getOrDefault(oid, oid.getId()), oid.getId(),
                        extension.isCritical(), values(oid, extension.getParsedValue())));
            }
        }
        return new DecodedCertificate(certificate.getVersionNumber(), SerialNumbers.toHex(certificate.getSerialNumber()),
                SubjectNames.format(certificate.getSubject()), SubjectNames.format(certificate.getIssuer()),
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(),
                publicKey(certificate.getSubjectPublicKeyInfo()), ALGORITHMS.getAlgorithmName(certificate.getSignatureAlgorithm()),
                Fingerprints.sha256(der), List.copyOf(extensions));
    }

    private static String publicKey(SubjectPublicKeyInfo key) {
        java.util.Optional<KeyAlgorithm> known = KeyAlgorithm.of(key);
        if (known.isPresent()) {
            return known.get().id();
        }
        String algorithm = ALGORITHMS.getAlgorithmName(key.getAlgorithm().getAlgorithm());
        ASN1Encodable parameters = key.getAlgorithm().getParameters();
        if (parameters instanceof ASN1ObjectIdentifier curve) {
            String name = ECNamedCurveTable.getName(curve);
            return algorithm + " (" + (name == null ? curve.getId() : name) + ")";
        }
        return algorithm;
    }

    private static List<String> values(ASN1ObjectIdentifier oid, ASN1Encodable value) {
        if (oid.equals(Extension.keyUsage)) {
            KeyUsage usage = KeyUsage.getInstance(value);
            List<String> set = new ArrayList<>();
            for (int i = 0; i < KEY_USAGES.length; i++) {
                if (usage.hasUsages(KEY_USAGE_BITS[i])) {
                    set.add(KEY_USAGES[i]);
                }
            }
            return set;
        }
        if (oid.equals(Extension.extendedKeyUsage)) {
            return List.of(ExtendedKeyUsage.getInstance(value).getUsages()).stream()
                    .map(purpose -> PURPOSES.getOrDefault(KeyPurposeId.getInstance(purpose), purpose.toString())).toList();
        }
        if (oid.equals(Extension.basicConstraints)) {
            BasicConstraints constraints = BasicConstraints.getInstance(value);
            String ca = "CA: " + constraints.isCA();
            return constraints.getPathLenConstraint() == null ? List.of(ca) : List.of(ca, "path length: " + constraints.getPathLenConstraint());
        }
        if (oid.equals(Extension.subjectAlternativeName) || oid.equals(Extension.issuerAlternativeName)) {
            return List.of(GeneralNames.getInstance(value).getNames()).stream().map(CertificateDecoder::name).toList();
        }
        if (oid.equals(Extension.subjectKeyIdentifier)) {
            return List.of(Hex.toHexString(SubjectKeyIdentifier.getInstance(value).getKeyIdentifier()));
        }
        if (oid.equals(Extension.authorityKeyIdentifier)) {
            byte[] id = AuthorityKeyIdentifier.getInstance(value).getKeyIdentifierOctets();
            return List.of(id == null ? "(issuer and serial only)" : Hex.toHexString(id));
        }
        if (oid.equals(Extension.cRLDistributionPoints)) {
            List<String> urls = new ArrayList<>();
            for (DistributionPoint point : CRLDistPoint.getInstance(value).getDistributionPoints()) {
                DistributionPointName name = point.getDistributionPoint();
                if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                    List.of(GeneralNames.getInstance(name.getName()).getNames()).forEach(n -> urls.add(name(n)));
                }
            }
            return urls;
        }
        if (oid.equals(Extension.authorityInfoAccess)) {
            List<String> access = new ArrayList<>();
            for (AccessDescription description : AuthorityInformationAccess.getInstance(value).getAccessDescriptions()) {
                String method = description.getAccessMethod().equals(AccessDescription.id_ad_ocsp) ? "OCSP"
                        : description.getAccessMethod().equals(AccessDescription.id_ad_caIssuers) ? "CA issuers"
                        : description.getAccessMethod().getId();
                access.add(method + ": " + name(description.getAccessLocation()));
            }
            return access;
        }
        if (oid.equals(Extension.certificatePolicies)) {
            return List.of(CertificatePolicies.getInstance(value).getPolicyInformation()).stream()
                    .map(PolicyInformation::getPolicyIdentifier).map(ASN1ObjectIdentifier::getId).toList();
        }
        return List.of(ASN1Dump.dumpAsString(value).strip());
    }

    private static String name(GeneralName name) {
        String kind = switch (name.getTagNo()) {
            case GeneralName.dNSName -> "DNS";
            case GeneralName.iPAddress -> "IP";
            case GeneralName.rfc822Name -> "email";
            case GeneralName.uniformResourceIdentifier -> "URI";
            case GeneralName.directoryName -> "DN";
            default -> "other";
        };
        if (name.getTagNo() == GeneralName.iPAddress) {
            try {
                return kind + ": " + org.fujie.pki.x509.SubjectAltNames.fromGeneralName(name).value();
            } catch (IllegalArgumentException e) {
                return kind + ": " + name.getName();
            }
        }
        return kind + ": " + name.getName();
    }
}
