package org.fujie.ca.profile;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.x509.IdentityExtension;
import org.fujie.pki.x509.SubjectAltNames;

/**
 * A certificate profile: what certificates of one kind may and must contain. Immutable; made from
 * configuration at start-up, where a bad profile stops the service rather than a request.
 */
public record CertificateProfile(
        String name,
        String description,
        List<String> keyUsages,
        int keyUsageBits,
        List<String> extendedKeyUsageNames,
        List<ASN1ObjectIdentifier> extendedKeyUsages,
        boolean extendedKeyUsagesCritical,
        int maxValidityDays,
        int defaultValidityDays,
        Set<KeyAlgorithm> allowedAlgorithms,
        Set<String> requiredSubjectFields,
        Set<String> allowedSubjectFields,
        Set<SubjectAltNames.Type> allowedSanTypes,
        boolean sanRequired,
        boolean ocspNoCheck,
        List<ASN1ObjectIdentifier> policyOids,
        Set<IdentityExtension> identityExtensions,
        Set<IdentityExtension> requiredIdentityExtensions) {

    public static CertificateProfile from(String name, ProfileProperties p) {
        int bits = 0;
        for (String usage : p.getKeyUsages()) {
            bits |= Usages.keyUsageBit(usage);
        }
        if (bits == 0) {
            throw new IllegalArgumentException("profile " + name + " names no key usage");
        }
        if (p.getDefaultValidityDays() < 1 || p.getDefaultValidityDays() > p.getMaxValidityDays()) {
            throw new IllegalArgumentException("profile " + name + ": default validity must be 1.." + p.getMaxValidityDays() + " days");
        }
        Set<KeyAlgorithm> algorithms = EnumSet.noneOf(KeyAlgorithm.class);
        for (String id : p.getAllowedAlgorithms()) {
            algorithms.add(KeyAlgorithm.fromId(id)
                    .orElseThrow(() -> new IllegalArgumentException("profile " + name + ": unknown algorithm " + id)));
        }
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("profile " + name + " allows no algorithm");
        }
        Set<SubjectAltNames.Type> sanTypes = EnumSet.noneOf(SubjectAltNames.Type.class);
        for (String type : p.getAllowedSanTypes()) {
            sanTypes.add(SubjectAltNames.Type.valueOf(type.toUpperCase(Locale.ROOT)));
        }
        Set<String> allowedFields = upper(p.getAllowedSubjectFields());
        Set<String> requiredFields = upper(p.getRequiredSubjectFields());
        if (!allowedFields.containsAll(requiredFields)) {
            throw new IllegalArgumentException("profile " + name + ": required subject fields must be allowed");
        }
        Set<IdentityExtension> identity = identityExtensions(name, p.getIdentityExtensions());
        Set<IdentityExtension> requiredIdentity = identityExtensions(name, p.getRequiredIdentityExtensions());
        if (!identity.containsAll(requiredIdentity)) {
            throw new IllegalArgumentException("profile " + name + ": required identity extensions must be allowed");
        }
        return new CertificateProfile(
                name,
                p.getDescription(),
                List.copyOf(p.getKeyUsages()),
                bits,
                List.copyOf(p.getExtendedKeyUsages()),
                p.getExtendedKeyUsages().stream().map(Usages::extendedKeyUsage).toList(),
                p.isExtendedKeyUsagesCritical(),
                p.getMaxValidityDays(),
                p.getDefaultValidityDays(),
                Set.copyOf(algorithms),
                requiredFields,
                allowedFields,
                Set.copyOf(sanTypes),
                p.isSanRequired(),
                p.isOcspNoCheck(),
                p.getPolicyOids().stream().map(ASN1ObjectIdentifier::new).toList(),
                identity,
                requiredIdentity);
    }

    private static Set<IdentityExtension> identityExtensions(String profile, List<String> ids) {
        Set<IdentityExtension> extensions = EnumSet.noneOf(IdentityExtension.class);
        for (String id : ids) {
            extensions.add(IdentityExtension.fromId(id).orElseThrow(() -> new IllegalArgumentException(
                    "profile " + profile + ": unknown identity extension " + id)));
        }
        return Set.copyOf(extensions);
    }

    private static Set<String> upper(List<String> names) {
        Set<String> result = new LinkedHashSet<>();
        names.forEach(n -> result.add(n.toUpperCase(Locale.ROOT)));
        return Set.copyOf(result);
    }
}
