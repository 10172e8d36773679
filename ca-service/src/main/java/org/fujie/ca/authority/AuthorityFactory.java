package org.fujie.ca.authority;

import org.fujie.ca.problem.CaProblem;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.cert.X509CertificateHolder;
import org.fujie.service.problem.FujieException;
import org.fujie.ca.store.CaRecord;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.operator.DeferredSigningKey;
import org.fujie.pki.operator.KeyBackend;
import org.fujie.pki.operator.SigningKey;
import org.fujie.pki.x509.CertificateSigner;
import org.fujie.pki.x509.CertificateTemplate;
import org.fujie.pki.x509.SubjectNames;

/**
 * Makes CAs: checks the request, has the key backend generate the CA key, builds and signs the CA
 * certificate. Stores nothing; {@link AuthorityRegistry} and the bootstrap decide where results go.
 */
public final class AuthorityFactory {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final KeyBackend keys;
    private final AuthorityTemplates templates;

    public AuthorityFactory(KeyBackend keys, AuthorityTemplates templates) {
        this.keys = keys;
        this.templates = templates;
    }

    public record Made(CaRecord record, CertificateAuthority authority) {
    }

    public Made make(NewCa request, CertificateAuthority parent) {
        if (request.id() == null || !ID.matcher(request.id()).matches()) {
            throw new FujieException(CaProblem.CA_INVALID, "the CA id must be 1-63 lower-case letters, digits or hyphens");
        }
        SigningKey existing = existingKey(request);
        KeyAlgorithm algorithm = request.algorithm() == null && existing != null ? existing.algorithm()
                : KeyAlgorithm.fromId(String.valueOf(request.algorithm()))
                        .orElseThrow(() -> new FujieException(CaProblem.CA_INVALID, "unknown algorithm " + request.algorithm()));
        X500Name subject;
        try {
            subject = SubjectNames.parse(request.subject());
        } catch (IllegalArgumentException e) {
            throw new FujieException(CaProblem.CA_INVALID, "the subject is not an RFC 4514 name: " + e.getMessage());
        }
        int validityDays = request.validityDays() != null ? request.validityDays() : (parent == null ? 7300 : 3650);
        if (validityDays < 1 || validityDays > 36_500) {
            throw new FujieException(CaProblem.CA_INVALID, "validityDays must be between 1 and 36500");
        }
        if (request.pathLength() != null && request.pathLength() < 0) {
            throw new FujieException(CaProblem.CA_INVALID, "pathLength must not be negative");
        }
        if (parent != null) {
            checkPathLength(parent, request.pathLength());
        }
        String alias = existing != null ? existing.alias() : "ca-" + request.id();
        // A key left by an attempt that failed before its CA was stored is reused, not orphaned.
        SigningKey key = existing != null ? existing : keys.contains(alias) ? keys.get(alias) : keys.generate(alias, algorithm);
        if (key.algorithm() != algorithm) {
            throw new FujieException(CaProblem.CA_INVALID, "key " + alias + " exists with another algorithm");
        }
        CertificateTemplate template = templates.template(subject, key.publicKeyInfo(), validityDays, request.pathLength(), parent);
        X509CertificateHolder certificate = parent == null
                ? CertificateSigner.selfSigned(subject, key).sign(template)
                : parent.sign(template);
        CertificateAuthority authority = assemble(request.id(), parent, algorithm, certificate, deferred(alias, algorithm, certificate));
        CaRecord record = new CaRecord(request.id(), SubjectNames.format(subject), algorithm.id(),
                parent == null ? null : parent.id(), keys.backendOf(alias), alias, CertificateAuthority.encoded(certificate),
                template.notBefore(), certificate.getNotAfter().toInstant(), Instant.now());
        return new Made(record, authority);
    }

    /** The CA of a stored record whose parent (if any) is already loaded. */
    public CertificateAuthority load(CaRecord record, CertificateAuthority parent) {
        KeyAlgorithm algorithm = KeyAlgorithm.fromId(record.algorithm())
                .orElseThrow(() -> new IllegalStateException("CA " + record.id() + " has unknown algorithm " + record.algorithm()));
        try {
            X509CertificateHolder certificate = new X509CertificateHolder(record.certificateDer());
            return assemble(record.id(), parent, algorithm, certificate, deferred(record.keyAlias(), algorithm, certificate));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("CA " + record.id() + " has a damaged certificate", e);
        }
    }

    private static CertificateAuthority assemble(String id, CertificateAuthority parent, KeyAlgorithm algorithm,
            X509CertificateHolder certificate, SigningKey key) {
        List<X509CertificateHolder> chain = new ArrayList<>();
        chain.add(certificate);
        if (parent != null) {
            chain.addAll(parent.chain());
        }
        return new CertificateAuthority(id, parent == null ? null : parent.id(), algorithm, chain,
                CertificateSigner.forIssuer(certificate, key));
    }

    /**
     * The CA's key as the CA signs with it: fetched on the first signature, so a CA whose backend is down still serves
     * what needs no key, and looked up again after a failure (a sealed Vault, a token pulled), whether the CA was
     * loaded or made in this process.
     */
    private SigningKey deferred(String alias, KeyAlgorithm algorithm, X509CertificateHolder certificate) {
        return new DeferredSigningKey(keys, alias, algorithm, certificate.getSubjectPublicKeyInfo(), keys.newBackoff());
    }

    /** The ceremony's key named by the request, which must exist; null when the request names none. */
    private SigningKey existingKey(NewCa request) {
        if (request.keyAlias() == null) {
            return null;
        }
        if (!keys.contains(request.keyAlias())) {
            throw new FujieException(CaProblem.CA_INVALID, "no key with alias " + request.keyAlias() + " in any key backend");
        }
        SigningKey key = keys.get(request.keyAlias());
        if (request.algorithm() != null && !key.algorithm().id().equals(request.algorithm())) {
            throw new FujieException(CaProblem.CA_INVALID, "key " + request.keyAlias() + " is " + key.algorithm().id()
                    + ", not " + request.algorithm());
        }
        return key;
    }

    private static void checkPathLength(CertificateAuthority parent, Integer childPathLength) {
        BasicConstraints constraints = BasicConstraints.fromExtensions(parent.certificate().getExtensions());
        if (constraints == null || !constraints.isCA()) {
            throw new FujieException(CaProblem.CA_INVALID, "the parent is not a CA");
        }
        BigInteger limit = constraints.getPathLenConstraint();
        if (limit == null) {
            return;
        }
        if (limit.signum() == 0) {
            throw new FujieException(CaProblem.CA_INVALID, "the parent's path length constraint allows no subordinate CA");
        }
        if (childPathLength == null || childPathLength >= limit.intValue()) {
            throw new FujieException(CaProblem.CA_INVALID,
                    "the parent's path length constraint requires pathLength below " + limit);
        }
    }
}
