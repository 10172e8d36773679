package org.fujie.ca.issuance;

import org.fujie.service.problem.CommonProblem;
import org.fujie.ca.problem.CaProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.fujie.service.audit.AuditEvent;
import org.fujie.service.audit.AuditedTransactions;
import org.fujie.ca.authority.AuthorityRegistry;
import org.fujie.ca.authority.CertificateAuthority;
import org.fujie.service.problem.FujieException;
import org.fujie.service.problem.ProblemType;
import org.fujie.ca.profile.CertificateProfile;
import org.fujie.ca.profile.ProfileRegistry;
import org.fujie.ca.store.CertificateRecord;
import org.fujie.ca.store.CertificateStore;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.csr.CsrException;
import org.fujie.pki.csr.CsrParser;
import org.fujie.pki.csr.ParsedCsr;
import org.fujie.pki.keystore.Pkcs12Builder;
import org.fujie.pki.x509.CertificateTemplate;
import org.fujie.pki.x509.Fingerprints;
import org.fujie.pki.x509.IdentityExtension;
import org.fujie.pki.x509.Pem;
import org.fujie.pki.x509.SerialNumbers;
import org.fujie.pki.x509.SubjectAltNames;
import org.fujie.pki.x509.SubjectNames;

/**
 * Issues certificates: parses the request, asks policy for a template, lints it, has the CA sign it,
 * and stores it with its audit entry before anything is returned.
 */
public final class CertificateIssuer {

    private final ProfileRegistry profiles;
    private final AuthorityRegistry authorities;
    private final String defaultCa;
    private final CsrParser csrParser;
    private final IssuancePolicy policy;
    private final AuditedTransactions audited;
    private final Clock clock;

    public CertificateIssuer(ProfileRegistry profiles, AuthorityRegistry authorities, String defaultCa, CsrParser csrParser,
            IssuancePolicy policy, AuditedTransactions audited, Clock clock) {
        this.profiles = profiles;
        this.authorities = authorities;
        this.defaultCa = defaultCa;
        this.csrParser = csrParser;
        this.policy = policy;
        this.audited = audited;
        this.clock = clock;
    }

    public IssuedCertificate issue(IssueCommand command, String actor) {
        CertificateProfile profile = profiles.find(command.profile()).orElseThrow(() -> new FujieException(
                CaProblem.PROFILE_UNKNOWN, "no profile named " + command.profile()));
        String caId = command.caId() != null ? command.caId() : defaultCa;
        CertificateAuthority ca = authorities.find(caId).orElseThrow(() -> new FujieException(
                CaProblem.CA_UNKNOWN, "no CA with id " + caId));

        X500Name subject;
        List<SubjectAltNames.Entry> sans;
        KeyAlgorithm algorithm;
        SubjectPublicKeyInfo publicKey;
        KeyPair generated = null;
        if (command.csrPem() != null) {
            ParsedCsr csr = parseCsr(command.csrPem());
            subject = command.subject() != null ? parseSubject(command.subject()) : csr.subject();
            sans = command.sans() != null ? parseSans(command.sans()) : csr.requestedSans();
            algorithm = csr.keyAlgorithm();
            publicKey = csr.publicKey();
        } else if (command.keyGeneration() != null) {
            algorithm = keyGenerationAlgorithm(command.keyGeneration());
            if (command.subject() == null) {
                throw new FujieException(CaProblem.SUBJECT_NOT_ALLOWED, "server-side key generation needs a subject");
            }
            subject = parseSubject(command.subject());
            sans = command.sans() != null ? parseSans(command.sans()) : List.of();
            // Judge the request with a stand-in key first, so a refused request costs no key generation.
            policy.prepare(new IssuanceInput(profile, ca, ca.certificate().getSubjectPublicKeyInfo(), algorithm, subject, sans,
                    identity(command.identity()), command.validityDays()));
            generated = algorithm.generateKeyPair();
            publicKey = SubjectPublicKeyInfo.getInstance(generated.getPublic().getEncoded());
        } else {
            throw new FujieException(CommonProblem.MALFORMED_REQUEST, "give either csr or keyGeneration");
        }

        IssuanceInput input = new IssuanceInput(profile, ca, publicKey, algorithm, subject, sans, identity(command.identity()),
                command.validityDays());
        CertificateRecord record = signAndStore(input, actor, generated != null ? "service" : "requester");
        byte[] pkcs12 = generated == null ? null : pkcs12(record, generated, ca, command.keyGeneration().password());
        return new IssuedCertificate(record, ca.subject(), Pem.certificate(record.der()), ca.chainPem(), pkcs12);
    }

    /**
     * Issues a certificate for a key this service holds itself (its OCSP responders' keys): the same
     * policy, lint, signature, storage and audit as any request.
     */
    public CertificateRecord issueForServiceKey(String profileName, String caId, X500Name subject, SubjectPublicKeyInfo publicKey,
            KeyAlgorithm algorithm, String actor) {
        CertificateProfile profile = profiles.find(profileName).orElseThrow(() -> new IllegalStateException("no profile " + profileName));
        CertificateAuthority ca = authorities.find(caId).orElseThrow(() -> new IllegalStateException("no CA " + caId));
        return signAndStore(new IssuanceInput(profile, ca, publicKey, algorithm, subject, List.of(), null), actor, "service-held");
    }

    private static Map<IdentityExtension, String> identity(Map<String, String> requested) {
        if (requested == null) {
            return Map.of();
        }
        Map<IdentityExtension, String> identity = new EnumMap<>(IdentityExtension.class);
        requested.forEach((id, value) -> identity.put(IdentityExtension.fromId(id).orElseThrow(() -> new FujieException(
                CaProblem.IDENTITY_INVALID, "no identity extension " + id + "; known: "
                        + Arrays.stream(IdentityExtension.values()).map(IdentityExtension::id).toList())), value));
        return identity;
    }

    private CertificateRecord signAndStore(IssuanceInput input, String actor, String keyHolder) {
        CertificateTemplate template = policy.prepare(input);
        TemplateLint.check(template, input.ca());
        X509CertificateHolder certificate = input.ca().sign(template);
        CertificateRecord record = CertificateRecord.of(certificate, input.ca().id(), input.profile().name(), actor, clock.instant());
        audited.execute(AuditEvent.of(actor, "certificate.issue", "certificate:" + record.serial(), Map.of(
                        "profile", input.profile().name(),
                        "ca", input.ca().id(),
                        "subject", record.subject(),
                        "keyGeneration", Boolean.toString(!"requester".equals(keyHolder)),
                        "keyHolder", keyHolder)),
                jdbc -> {
                    CertificateStore.insert(jdbc, record);
                    return null;
                });
        return record;
    }

    private ParsedCsr parseCsr(String pem) {
        try {
            return csrParser.parse(pem);
        } catch (CsrException e) {
            ProblemType type = switch (e.reason()) {
                case MALFORMED -> CaProblem.CSR_MALFORMED;
                case TOO_LARGE -> CaProblem.CSR_TOO_LARGE;
                case SIGNATURE_INVALID -> CaProblem.CSR_SIGNATURE_INVALID;
                case UNSUPPORTED_KEY -> CaProblem.UNSUPPORTED_KEY;
            };
            throw new FujieException(type, e.getMessage());
        }
    }

    private static KeyAlgorithm keyGenerationAlgorithm(IssueCommand.KeyGeneration keyGeneration) {
        KeyAlgorithm algorithm = KeyAlgorithm.fromId(String.valueOf(keyGeneration.algorithm())).orElseThrow(() ->
                new FujieException(CaProblem.KEY_GENERATION_INVALID, "unknown algorithm " + keyGeneration.algorithm()));
        char[] password = keyGeneration.password();
        if (password == null || password.length < 8 || password.length > 128) {
            throw new FujieException(CaProblem.KEY_GENERATION_INVALID, "the PKCS#12 password must have 8 to 128 characters");
        }
        for (char c : password) {
            // Java and OpenSSL encode other characters differently in PKCS#12 (RFC 7292 B.1): the file would not open.
            if (c < 0x20 || c > 0x7e) {
                throw new FujieException(CaProblem.KEY_GENERATION_INVALID, "the PKCS#12 password must be printable ASCII");
            }
        }
        return algorithm;
    }

    private static X500Name parseSubject(String subject) {
        try {
            return SubjectNames.parse(subject);
        } catch (IllegalArgumentException e) {
            throw new FujieException(CaProblem.SUBJECT_NOT_ALLOWED, "the subject is not an RFC 4514 name: " + e.getMessage());
        }
    }

    private static List<SubjectAltNames.Entry> parseSans(List<String> sans) {
        if (sans.size() > 100) {
            throw new FujieException(CaProblem.SAN_INVALID, "at most 100 subject alternative names are accepted");
        }
        try {
            return SubjectAltNames.parseAll(sans);
        } catch (IllegalArgumentException e) {
            throw new FujieException(CaProblem.SAN_INVALID, e.getMessage());
        }
    }

    private static byte[] pkcs12(CertificateRecord record, KeyPair keyPair, CertificateAuthority ca, char[] password) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(Pem.parseCertificate(record.der()));
        for (X509CertificateHolder issuer : ca.chain()) {
            try {
                chain.add(Pem.parseCertificate(issuer.getEncoded()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Pkcs12Builder.build(record.serial(), keyPair.getPrivate(), chain, password);
    }
}
