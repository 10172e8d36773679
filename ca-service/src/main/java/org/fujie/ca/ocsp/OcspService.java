package org.fujie.ca.ocsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.fujie.ca.authority.AuthorityRegistry;
import org.fujie.ca.store.CaRecord;
import org.fujie.pki.ocsp.OcspAnswer;
import org.fujie.pki.ocsp.OcspRequestException;
import org.fujie.pki.ocsp.OcspRequestParser;
import org.fujie.pki.ocsp.OcspResponseSigner;
import org.fujie.pki.ocsp.ParsedOcspRequest;
import org.fujie.pki.x509.Fingerprints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OCSP responder (RFC 6960, RFC 5019 profile). A request for one certificate without a nonce,
 * which is what RFC 5019 clients send, is answered from a pre-signed response and costs no
 * signature. A nonce or several certificates in one request get a response signed for that request.
 * CertIDs naming a CA this service does not run get {@code unauthorized}; undecodable requests
 * {@code malformedRequest}.
 */
public final class OcspService {

    private static final Logger log = LoggerFactory.getLogger(OcspService.class);
    private static final byte[] MALFORMED = OcspResponseSigner.error(OCSPRespBuilder.MALFORMED_REQUEST);
    private static final byte[] UNAUTHORIZED = OcspResponseSigner.error(OCSPRespBuilder.UNAUTHORIZED);
    private static final byte[] INTERNAL_ERROR = OcspResponseSigner.error(OCSPRespBuilder.INTERNAL_ERROR);
    private static final int UNKNOWN_CACHE_LIMIT = 10_000;

    private final AuthorityRegistry authorities;
    private final DelegatedResponders responders;
    private final CertificateStatuses statuses;
    private final OcspRequestParser parser;
    private final OcspProperties settings;
    private final Clock clock;
    private final ResponseCache cache;
    // Unknown serials are kept apart and small: anyone can ask about any number of made-up serials.
    private final ResponseCache unknown = new ResponseCache(UNKNOWN_CACHE_LIMIT);
    private final KnownRequests knownRequests;
    private volatile IssuerIndex issuers;
    private volatile Instant issuersLoadedAt = Instant.EPOCH;

    OcspService(AuthorityRegistry authorities, DelegatedResponders responders, CertificateStatuses statuses,
            OcspProperties settings, Clock clock) {
        this.authorities = authorities;
        this.responders = responders;
        this.statuses = statuses;
        this.parser = new OcspRequestParser(settings.maxRequestBytes(), settings.maxCertificates());
        this.settings = settings;
        this.clock = clock;
        this.cache = new ResponseCache(settings.maxCachedResponses());
        this.knownRequests = new KnownRequests((serial, certId) -> {
            OcspReply reply = cache.get(serial, certId);
            return reply != null ? reply : unknown.get(serial, certId);
        }, settings.refreshAfter());
    }

    public OcspReply respond(byte[] der) {
        OcspReply known = knownRequests.replyFor(der, clock.instant());
        if (known != null) {
            return known;
        }
        ParsedOcspRequest request;
        try {
            request = parser.parse(der);
        } catch (OcspRequestException e) {
            return OcspReply.uncacheable(MALFORMED);
        }
        try {
            return answer(request, der);
        } catch (RuntimeException e) {
            log.error("OCSP: cannot answer a well-formed request", e);
            return OcspReply.uncacheable(INTERNAL_ERROR);
        }
    }

    private OcspReply answer(ParsedOcspRequest request, byte[] der) {
        String caId = null;
        for (CertificateID id : request.certificates()) {
            Optional<String> ca = caOf(id);
            // One signer per response: a delegated responder speaks only for the CA that certified it.
            if (ca.isEmpty() || (caId != null && !caId.equals(ca.get()))) {
                return OcspReply.uncacheable(UNAUTHORIZED);
            }
            caId = ca.get();
        }
        if (request.isSingleWithoutNonce()) {
            OcspReply reply = preSigned(caId, request.certificates().get(0));
            knownRequests.remember(der, request.certificates().get(0).getSerialNumber(), encoded(request.certificates().get(0)));
            return reply;
        }
        Instant now = now();
        List<OcspAnswer> answers = new ArrayList<>();
        for (CertificateID id : request.certificates()) {
            answers.add(answer(caId, id, statuses.find(id.getSerialNumber()), now));
        }
        return OcspReply.uncacheable(responders.forCa(caId).sign(answers, request.nonce(), Date.from(now)));
    }

    /** The cached response, re-signed first when it is older than refresh-after. */
    private OcspReply preSigned(String caId, CertificateID id) {
        BigInteger serial = id.getSerialNumber();
        byte[] certId = encoded(id);
        Instant now = clock.instant();
        OcspReply cached = cache.get(serial, certId);
        if (cached == null) {
            cached = unknown.get(serial, certId);
        }
        if (cached != null && now.isBefore(cached.thisUpdate().plus(settings.refreshAfter()))) {
            return cached;
        }
        return sign(caId, id, certId, statuses.find(serial));
    }

    /** Signs and caches the response for one certificate in its current state. */
    private OcspReply sign(String caId, CertificateID id, byte[] certId, Optional<CertificateStatuses.Status> status) {
        Instant now = now();
        OcspAnswer answer = answer(caId, id, status, now);
        OcspResponseSigner signer = responders.forCa(caId);
        byte[] body = signer.sign(List.of(answer), null, Date.from(now));
        OcspReply reply = new OcspReply(body, answer.thisUpdate(), answer.nextUpdate(),
                "\"" + HexFormat.of().formatHex(Fingerprints.digest("SHA-256", body), 0, 16) + "\"",
                status.map(CertificateStatuses.Status::change).orElse(0L));
        (answer.status() == OcspAnswer.Status.UNKNOWN ? unknown : cache).put(id.getSerialNumber(), certId, reply);
        return reply;
    }

    private OcspAnswer answer(String caId, CertificateID id, Optional<CertificateStatuses.Status> found, Instant now) {
        Instant nextUpdate = now.plus(settings.validity());
        Instant responderExpiry = responders.forCa(caId).certificate().getNotAfter().toInstant();
        if (nextUpdate.isAfter(responderExpiry)) {
            nextUpdate = responderExpiry; // a response must not outlive the certificate that vouches for its signature
        }
        if (found.isEmpty() || !found.get().caId().equals(caId)) {
            return OcspAnswer.unknown(id, now, nextUpdate);
        }
        CertificateStatuses.Status status = found.get();
        if (!status.revoked()) {
            return OcspAnswer.good(id, now, nextUpdate);
        }
        return OcspAnswer.revoked(id, status.revokedAt(), status.reason(), status.invalidityDate(), now, nextUpdate);
    }

    /** Pre-signs (SHA-1 CertIDs, as RFC 5019 clients send) every unexpired certificate of the CA not cached or due for refresh. */
    int preSign(String caId) {
        X509CertificateHolder issuer = authorities.find(caId).orElseThrow().certificate();
        responders.forCa(caId); // issued (if need be) before the read-only pass below
        Instant now = clock.instant();
        int[] signed = {0};
        statuses.forEachUnexpired(caId, now, status -> {
            if (cache.size() >= settings.maxCachedResponses()) {
                return;
            }
            CertificateID id = CertIds.sha1(issuer, status.serial());
            byte[] certId = encoded(id);
            OcspReply cached = cache.get(status.serial(), certId);
            if (cached == null || !now.isBefore(cached.thisUpdate().plus(settings.refreshAfter().dividedBy(2)))) {
                sign(caId, id, certId, Optional.of(status));
                signed[0]++;
            }
        });
        return signed[0];
    }

    void ensureResponder(String caId) {
        responders.forCa(caId);
    }

    /** A certificate's status changed: every cached variant goes, and the usual SHA-1 one is signed again at once. */
    void statusChanged(CertificateStatuses.Status status) {
        authorities.find(status.caId()).ifPresent(ca -> {
            CertificateID id = CertIds.sha1(ca.certificate(), status.serial());
            byte[] certId = encoded(id);
            OcspReply cached = cache.get(status.serial(), certId);
            if (cached != null && cached.statusChange() >= status.change()) {
                return; // already signed for this change (this instance made it, and now the poll sees it too)
            }
            cache.evict(status.serial());
            unknown.evict(status.serial());
            sign(status.caId(), id, certId, Optional.of(status));
        });
    }

    /** The responders were renewed or the CAs changed: start afresh. */
    void reset() {
        responders.reload();
        issuers = null;
        cache.clear();
        unknown.clear();
        knownRequests.clear();
    }

    long cachedResponses() {
        return cache.size();
    }

    private Optional<String> caOf(CertificateID id) {
        IssuerIndex index = issuers;
        if (index == null) {
            index = reloadIssuers();
        }
        Optional<String> ca = index.caOf(id);
        // A CA made on another instance since the index was built: reload, at most every few seconds.
        if (ca.isEmpty() && clock.instant().isAfter(issuersLoadedAt.plusSeconds(5))) {
            ca = reloadIssuers().caOf(id);
        }
        return ca;
    }

    private synchronized IssuerIndex reloadIssuers() {
        List<IssuerIndex.Issuer> all = new ArrayList<>();
        for (CaRecord record : authorities.records()) {
            authorities.find(record.id()).ifPresent(ca -> all.add(new IssuerIndex.Issuer(ca.id(), ca.certificate())));
        }
        IssuerIndex index = IssuerIndex.of(all);
        issuers = index;
        issuersLoadedAt = clock.instant();
        return index;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static byte[] encoded(CertificateID id) {
        try {
            return id.toASN1Primitive().getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
