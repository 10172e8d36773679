package org.fujie.pki.validation;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.fujie.pki.crypto.CryptoProviders;
import org.fujie.pki.revocation.RevocationReason;
import org.fujie.pki.validation.HttpFetcher.FetchException;
import org.fujie.pki.validation.RevocationFinding.Source;
import org.fujie.pki.validation.RevocationFinding.Status;
import org.fujie.pki.x509.ExactBytes;

/**
 * Revocation by OCSP (RFC 6960): one request per certificate with a SHA-1 CertID (RFC 5019 2.1.1,
 * what every responder answers), POSTed to the AIA OCSP URL; the answer counts only when signed by the
 * issuer or its delegated responder (see {@link OcspResponderTrust}) and when it names the same CertID.
 * A nonce is optional: Fujie's responder pre-signs (RFC 5019) and does not echo one. Good and revoked
 * answers are cached by URL and CertID until their nextUpdate.
 */
public final class OcspClient implements RevocationSource {

    private static final String CONTENT_TYPE = "application/ocsp-request";

    private final HttpFetcher fetcher;
    private static final int MAX_ISSUER_IDS = 1024;
    private static final Map<ExactBytes, CertificateID> ISSUER_IDS = new ConcurrentHashMap<>();

    private final RevocationCache<RevocationFinding> cache;
    private final OcspResponderTrust responderTrust;
    private final boolean sendNonce;
    private final int maxBytes;
    private final Duration clockSkew;

    public OcspClient(HttpFetcher fetcher, RevocationCache<RevocationFinding> cache, OcspResponderTrust responderTrust,
            boolean sendNonce, int maxBytes, Duration clockSkew) {
        this.fetcher = fetcher;
        this.cache = cache;
        this.responderTrust = responderTrust;
        this.sendNonce = sendNonce;
        this.maxBytes = maxBytes;
        this.clockSkew = clockSkew;
    }

    @Override
    public RevocationFinding check(X509Certificate certificate, X509Certificate issuer, Instant now)
            throws RevocationUnavailableException {
        List<String> urls = CertificateFields.ocspUrls(certificate);
        if (urls.isEmpty()) {
            throw new RevocationUnavailableException("no OCSP URL");
        }
        CertificateID id = certificateId(certificate, issuer);
        List<String> problems = new ArrayList<>();
        for (String url : urls) {
            String key = url + " " + HexFormat.of().formatHex(id.getIssuerNameHash()) + " "
                    + HexFormat.of().formatHex(id.getIssuerKeyHash()) + " " + id.getSerialNumber().toString(16);
            RevocationFinding cached = cache.get(key, now).orElse(null);
            if (cached != null) {
                return cached;
            }
            try {
                RevocationFinding finding = ask(url, id, certificate, issuer, now);
                if (finding.status() != Status.UNKNOWN) {
                    cache.put(key, finding, finding.nextUpdate(), now);
                }
                return finding;
            } catch (RevocationUnavailableException e) {
                problems.add(e.getMessage());
            }
        }
        throw new RevocationUnavailableException(String.join("; ", problems));
    }

    private RevocationFinding ask(String url, CertificateID id, X509Certificate certificate, X509Certificate issuer,
            Instant now) throws RevocationUnavailableException {
        byte[] nonce = null;
        if (sendNonce) {
            nonce = new byte[16];
            CryptoProviders.secureRandom().nextBytes(nonce);
        }
        byte[] answer;
        try {
            answer = fetcher.post(URI.create(url), CONTENT_TYPE, request(id, nonce), maxBytes);
        } catch (FetchException e) {
            throw new RevocationUnavailableException("OCSP " + e.getMessage());
        }
        return judge(url, answer, nonce, id, certificate, issuer, now).withEvidence(List.of(answer));
    }

    private RevocationFinding judge(String url, byte[] answer, byte[] nonce, CertificateID id, X509Certificate certificate,
            X509Certificate issuer, Instant now) throws RevocationUnavailableException {
        BasicOCSPResp basic = basicResponse(url, answer);
        responderTrust.verify(basic, issuer, now);
        checkNonce(url, basic, nonce);
        SingleResp single = Arrays.stream(basic.getResponses()).filter(r -> r.getCertID().equals(id)).findFirst()
                .orElseThrow(() -> new RevocationUnavailableException("OCSP " + url + " answered for another certificate"));
        Instant thisUpdate = single.getThisUpdate().toInstant();
        if (thisUpdate.isAfter(now.plus(clockSkew))) {
            throw new RevocationUnavailableException("OCSP " + url + " answer is dated in the future");
        }
        Instant nextUpdate = single.getNextUpdate() == null ? null : single.getNextUpdate().toInstant();
        if (nextUpdate != null && nextUpdate.isBefore(thisUpdate)) {
            throw new RevocationUnavailableException("OCSP " + url + " answer has nextUpdate before thisUpdate");
        }
        String subject = CertificateFields.subject(certificate);
        BigInteger serial = certificate.getSerialNumber();
        CertificateStatus status = single.getCertStatus();
        if (status == CertificateStatus.GOOD) {
            return new RevocationFinding(subject, serial, Source.OCSP, Status.GOOD, null, null, thisUpdate, nextUpdate, url,
                    "OCSP " + url + " answered good");
        }
        if (status instanceof RevokedStatus revoked) {
            RevocationReason reason = revoked.hasRevocationReason() ? reason(revoked.getRevocationReason()) : null;
            return new RevocationFinding(subject, serial, Source.OCSP, Status.REVOKED,
                    revoked.getRevocationTime().toInstant(), reason, thisUpdate, nextUpdate, url,
                    "OCSP " + url + " answered revoked");
        }
        String what = status instanceof UnknownStatus ? "unknown" : "an unrecognised status";
        return new RevocationFinding(subject, serial, Source.OCSP, Status.UNKNOWN, null, null, thisUpdate, nextUpdate, url,
                "OCSP " + url + " answered " + what);
    }

    /** RFC 6960 4.1.1 CertID over SHA-1: issuer name hash, issuer key hash, serial number. */
    static CertificateID certificateId(X509Certificate certificate, X509Certificate issuer)
            throws RevocationUnavailableException {
        // The issuer's hashes are the same for every certificate it issued: computed once per issuer.
        ExactBytes issuerKey = ExactBytes.of(issuer);
        CertificateID issuerId = ISSUER_IDS.get(issuerKey);
        try {
            if (issuerId == null) {
                issuerId = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                        new JcaX509CertificateHolder(issuer), BigInteger.ONE);
                if (ISSUER_IDS.size() >= MAX_ISSUER_IDS) {
                    ISSUER_IDS.clear();
                }
                ISSUER_IDS.put(issuerKey, issuerId);
            }
        } catch (CertificateEncodingException | org.bouncycastle.operator.OperatorCreationException
                | org.bouncycastle.cert.ocsp.OCSPException e) {
            throw new RevocationUnavailableException("cannot make an OCSP CertID: " + e.getMessage());
        }
        return CertificateID.deriveCertificateID(issuerId, certificate.getSerialNumber());
    }

    private static byte[] request(CertificateID id, byte[] nonce) throws RevocationUnavailableException {
        OCSPReqBuilder builder = new OCSPReqBuilder().addRequest(id);
        try {
            if (nonce != null) {
                // RFC 8954: the extension value is an OCTET STRING holding the nonce.
                builder.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                        new DEROctetString(nonce).getEncoded())));
            }
            return builder.build().getEncoded();
        } catch (IOException | org.bouncycastle.cert.ocsp.OCSPException e) {
            throw new RevocationUnavailableException("cannot make an OCSP request: " + e.getMessage());
        }
    }

    private static BasicOCSPResp basicResponse(String url, byte[] answer) throws RevocationUnavailableException {
        try {
            OCSPResp response = new OCSPResp(answer);
            if (response.getStatus() != OCSPResp.SUCCESSFUL) {
                throw new RevocationUnavailableException("OCSP " + url + " answered status " + response.getStatus()
                        + " (RFC 6960 4.2.1)");
            }
            if (!(response.getResponseObject() instanceof BasicOCSPResp basic)) {
                throw new RevocationUnavailableException("OCSP " + url + " sent no basic response");
            }
            return basic;
        } catch (RevocationUnavailableException e) {
            throw e;
        } catch (Exception e) {
            // Whatever the parser throws on hostile bytes: the answer is simply unusable.
            throw new RevocationUnavailableException("OCSP " + url + " sent no OCSP response: " + e.getMessage());
        }
    }

    /** A nonce we sent must come back unchanged if the responder echoes one; RFC 5019 responders echo none. */
    private static void checkNonce(String url, BasicOCSPResp basic, byte[] nonce) throws RevocationUnavailableException {
        Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (nonce == null || echoed == null) {
            return;
        }
        try {
            byte[] value = ASN1OctetString.getInstance(echoed.getParsedValue()).getOctets();
            if (Arrays.equals(value, nonce)) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // unreadable: treat as a mismatch
        }
        throw new RevocationUnavailableException("OCSP " + url + " echoed another nonce");
    }

    private static RevocationReason reason(int code) {
        try {
            return RevocationReason.fromCode(code);
        } catch (IllegalArgumentException e) {
            return RevocationReason.UNSPECIFIED;
        }
    }
}
