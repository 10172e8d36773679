package org.fujie.ca.issuance;

import org.fujie.ca.problem.CaProblem;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.fujie.ca.authority.PublicEndpoints;
import org.fujie.service.problem.FujieException;
import org.fujie.ca.profile.CertificateProfile;
import org.fujie.pki.x509.CertificateTemplate;
import org.fujie.pki.x509.Extensions;
import org.fujie.pki.x509.IdentityExtension;
import org.fujie.pki.x509.SerialNumbers;
import org.fujie.pki.x509.SubjectAltNames;

/**
 * Decides what a certificate contains. Checks a request against its profile and, if it passes,
 * returns the template to sign; otherwise throws the problem the caller gets. Signs nothing.
 */
public final class IssuancePolicy {

    private final PublicEndpoints endpoints;
    private final Duration backdate;
    private final Clock clock;

    public IssuancePolicy(PublicEndpoints endpoints, Duration backdate, Clock clock) {
        this.endpoints = endpoints;
        this.backdate = backdate;
        this.clock = clock;
    }

    public CertificateTemplate prepare(IssuanceInput in) {
        CertificateProfile profile = in.profile();
        if (!profile.allowedAlgorithms().contains(in.keyAlgorithm())) {
            throw new FujieException(CaProblem.ALGORITHM_NOT_ALLOWED, "profile " + profile.name() + " does not allow "
                    + in.keyAlgorithm().id() + " keys; allowed: " + profile.allowedAlgorithms().stream().map(a -> a.id()).sorted().toList());
        }
        checkSubject(profile, in);
        checkSans(profile, in.sans());
        checkIdentity(profile, in.identity());
        Instant now = clock.instant();
        Instant notBefore = now.minus(backdate);
        Instant notAfter = now.plus(Duration.ofDays(validityDays(profile, in.validityDays())));
        if (notAfter.isAfter(in.ca().notAfter())) {
            // Never outlive the issuer: a certificate beyond its CA's validity could not be validated.
            notAfter = in.ca().notAfter();
        }
        return new CertificateTemplate(SerialNumbers.next(), in.subject(), in.publicKey(), notBefore, notAfter,
                extensions(profile, in));
    }

    private static int validityDays(CertificateProfile profile, Integer requested) {
        if (requested == null) {
            return profile.defaultValidityDays();
        }
        if (requested < 1) {
            throw new FujieException(CaProblem.VALIDITY_EXCEEDS_CAP, "validityDays must be at least 1");
        }
        if (requested > profile.maxValidityDays()) {
            throw new FujieException(CaProblem.VALIDITY_EXCEEDS_CAP, "profile " + profile.name() + " allows at most "
                    + profile.maxValidityDays() + " days; " + requested + " were asked for");
        }
        return requested;
    }

    private static void checkSubject(CertificateProfile profile, IssuanceInput in) {
        Set<String> present = new LinkedHashSet<>();
        for (RDN rdn : in.subject().getRDNs()) {
            for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
                String name = fieldName(attribute.getType());
                if (!profile.allowedSubjectFields().contains(name)) {
                    throw new FujieException(CaProblem.SUBJECT_NOT_ALLOWED, "profile " + profile.name()
                            + " does not allow subject field " + name + "; allowed: " + profile.allowedSubjectFields());
                }
                if (attribute.getValue().toString().isBlank()) {
                    throw new FujieException(CaProblem.SUBJECT_NOT_ALLOWED, "subject field " + name + " is empty");
                }
                present.add(name);
            }
        }
        for (String required : profile.requiredSubjectFields()) {
            if (!present.contains(required)) {
                throw new FujieException(CaProblem.SUBJECT_NOT_ALLOWED, "profile " + profile.name()
                        + " requires subject field " + required);
            }
        }
        if (present.isEmpty() && in.sans().isEmpty()) {
            throw new FujieException(CaProblem.SUBJECT_NOT_ALLOWED, "a certificate needs a subject or a subject alternative name");
        }
    }

    private static String fieldName(ASN1ObjectIdentifier type) {
        String name = BCStyle.INSTANCE.oidToDisplayName(type);
        return (name == null ? type.getId() : name).toUpperCase(Locale.ROOT);
    }

    private static void checkSans(CertificateProfile profile, List<SubjectAltNames.Entry> sans) {
        for (SubjectAltNames.Entry san : sans) {
            if (!profile.allowedSanTypes().contains(san.type())) {
                throw new FujieException(CaProblem.SAN_TYPE_NOT_ALLOWED, "profile " + profile.name() + " does not allow "
                        + san.type().name().toLowerCase(Locale.ROOT) + " names (" + san + ")");
            }
        }
        if (profile.sanRequired() && sans.isEmpty()) {
            throw new FujieException(CaProblem.SAN_TYPE_NOT_ALLOWED, "profile " + profile.name()
                    + " requires at least one subject alternative name");
        }
    }

    private static void checkIdentity(CertificateProfile profile, Map<IdentityExtension, String> identity) {
        for (Map.Entry<IdentityExtension, String> field : identity.entrySet()) {
            if (!profile.identityExtensions().contains(field.getKey())) {
                throw new FujieException(CaProblem.IDENTITY_INVALID, "profile " + profile.name() + " does not allow "
                        + field.getKey().id() + "; allowed: " + profile.identityExtensions().stream().map(IdentityExtension::id).sorted().toList());
            }
            try {
                field.getKey().check(field.getValue());
            } catch (IllegalArgumentException e) {
                throw new FujieException(CaProblem.IDENTITY_INVALID, e.getMessage());
            }
        }
        for (IdentityExtension required : profile.requiredIdentityExtensions()) {
            if (!identity.containsKey(required)) {
                throw new FujieException(CaProblem.IDENTITY_INVALID, "profile " + profile.name() + " requires " + required.id());
            }
        }
    }

    private List<Extension> extensions(CertificateProfile profile, IssuanceInput in) {
        List<Extension> extensions = new ArrayList<>();
        extensions.add(Extensions.critical(Extension.basicConstraints, new BasicConstraints(false)));
        int usage = profile.keyUsageBits();
        if (!in.keyAlgorithm().isRsa()) {
            // RFC 5480 3 and RFC 8410 5: EC and EdDSA keys cannot encipher keys; only RSA keys may assert it.
            usage &= ~(KeyUsage.keyEncipherment | KeyUsage.dataEncipherment);
        }
        extensions.add(Extensions.critical(Extension.keyUsage, new KeyUsage(usage)));
        if (!profile.extendedKeyUsages().isEmpty()) {
            KeyPurposeId[] purposes = profile.extendedKeyUsages().stream().map(KeyPurposeId::getInstance).toArray(KeyPurposeId[]::new);
            extensions.add(Extensions.of(Extension.extendedKeyUsage, profile.extendedKeyUsagesCritical(), new ExtendedKeyUsage(purposes)));
        }
        if (!in.sans().isEmpty()) {
            GeneralNames names = new GeneralNames(in.sans().stream().map(SubjectAltNames.Entry::toGeneralName).toArray(GeneralName[]::new));
            // RFC 5280 4.2.1.6: critical when the subject is empty.
            extensions.add(Extensions.of(Extension.subjectAlternativeName, in.subject().getRDNs().length == 0, names));
        }
        if (!profile.policyOids().isEmpty()) {
            extensions.add(Extensions.nonCritical(Extension.certificatePolicies, new CertificatePolicies(
                    profile.policyOids().stream().map(PolicyInformation::new).toArray(PolicyInformation[]::new))));
        }
        // GM/T 0015 identity extensions in a fixed order, so equal requests give equal certificates
        new TreeMap<>(in.identity()).forEach((field, value) -> extensions.add(field.extension(value)));
        extensions.add(endpoints.authorityInformationAccess(in.ca().id()));
        extensions.add(endpoints.crlDistributionPoints(in.ca().id()));
        extensions.add(endpoints.freshestCrl(in.ca().id()));
        if (profile.ocspNoCheck()) {
            // RFC 6960 4.2.2.2.1: relying parties need not check the responder certificate's status.
            extensions.add(Extensions.nonCritical(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, DERNull.INSTANCE));
        }
        return extensions;
    }
}
