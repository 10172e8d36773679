package org.fujie.client.sdk.ca;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code POST /api/v1/certificates}: either a CSR (PEM PKCS#10) or a key generation, never both. Build with
 * {@link #fromCsr} or {@link #withGeneratedKey}, then narrow with the {@code with...} methods.
 */
public record IssueRequest(String profile, String csr, String caId, String subject, List<String> sans,
        Map<String, String> identity, Integer validityDays, KeyGeneration keyGeneration) {

    public IssueRequest {
        Objects.requireNonNull(profile, "profile");
        if ((csr == null) == (keyGeneration == null)) {
            throw new IllegalArgumentException("give either a CSR or a key generation");
        }
        sans = sans == null ? null : List.copyOf(sans);
        identity = identity == null ? null : Map.copyOf(identity);
    }

    public static IssueRequest fromCsr(String profile, String csrPem) {
        return new IssueRequest(profile, Objects.requireNonNull(csrPem, "csrPem"), null, null, null, null, null, null);
    }

    /** The subject is required here: there is no CSR to take it from. */
    public static IssueRequest withGeneratedKey(String profile, String subject, String algorithm, String password) {
        return new IssueRequest(profile, null, null, Objects.requireNonNull(subject, "subject"), null, null, null,
                new KeyGeneration(algorithm, password));
    }

    /** The issuing CA; by default ca-service's {@code issuing}. */
    public IssueRequest withCaId(String id) {
        return new IssueRequest(profile, csr, id, subject, sans, identity, validityDays, keyGeneration);
    }

    /** Overrides the CSR's subject (RFC 4514), within what the profile allows. */
    public IssueRequest withSubject(String dn) {
        return new IssueRequest(profile, csr, caId, dn, sans, identity, validityDays, keyGeneration);
    }

    /** Subject alternative names, e.g. {@code dns:app.intranet}, as the profile allows. */
    public IssueRequest withSans(List<String> names) {
        return new IssueRequest(profile, csr, caId, subject, names, identity, validityDays, keyGeneration);
    }

    public IssueRequest withValidityDays(int days) {
        return new IssueRequest(profile, csr, caId, subject, sans, identity, days, keyGeneration);
    }
}
