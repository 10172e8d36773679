package org.fujie.ca.publication;

import org.fujie.service.problem.CommonProblem;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.fujie.ca.authority.AuthorityRegistry;
import org.fujie.service.problem.FujieException;
import org.fujie.ca.revocation.CrlProperties;
import org.fujie.ca.revocation.CrlPublisher;
import org.fujie.ca.revocation.CrlRecord;
import org.fujie.ca.revocation.CrlStore;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * The CRL distribution points (RFC 5280 4.2.1.13, 4.2.1.15): {@code /pki/crl/{ca}.crl} is the newest
 * complete CRL, {@code /pki/crl/{ca}-delta.crl} the newest delta; DER, application/pkix-crl (RFC
 * 2585), with ETag, Last-Modified (thisUpdate), Expires (nextUpdate) and a max-age no later than
 * nextUpdate. The CRL bytes are cached; each request asks the database only for the newest number.
 */
@RestController
class CrlDistributionController {

    private static final MediaType PKIX_CRL = MediaType.parseMediaType("application/pkix-crl");
    private static final String DELTA_SUFFIX = "-delta";

    private final AuthorityRegistry authorities;
    private final CrlStore store;
    private final CrlPublisher publisher;
    private final CrlProperties settings;
    private final Clock clock;
    private final Map<String, CrlRecord> cache = new ConcurrentHashMap<>();

    CrlDistributionController(AuthorityRegistry authorities, CrlStore store, CrlPublisher publisher, CrlProperties settings,
            Clock clock) {
        this.authorities = authorities;
        this.publisher = publisher;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/pki/crl/{name}.crl")
    ResponseEntity<byte[]> crl(@PathVariable String name, WebRequest request) {
        boolean delta = false;
        String caId = name;
        if (authorities.record(name).isEmpty() && name.endsWith(DELTA_SUFFIX)) {
            delta = true;
            caId = name.substring(0, name.length() - DELTA_SUFFIX.length());
        }
        if (authorities.record(caId).isEmpty()) {
            throw new FujieException(CommonProblem.NOT_FOUND, "no CA with id " + name);
        }
        CrlRecord crl = newest(caId, delta);
        String etag = "\"" + caId + "-" + crl.number() + "\"";
        if (request.checkNotModified(etag, crl.thisUpdate().toEpochMilli())) {
            return null;
        }
        Duration untilNext = Duration.between(clock.instant(), crl.nextUpdate());
        Duration maxAge = untilNext.isNegative() ? Duration.ZERO
                : untilNext.compareTo(settings.maxAge()) < 0 ? untilNext : settings.maxAge();
        return ResponseEntity.ok()
                .contentType(PKIX_CRL)
                .cacheControl(CacheControl.maxAge(maxAge).cachePublic().noTransform())
                .eTag(etag)
                .lastModified(crl.thisUpdate())
                .header("Expires", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        crl.nextUpdate().atZone(java.time.ZoneOffset.UTC)))
                .body(crl.der());
    }

    private CrlRecord newest(String caId, boolean delta) {
        String key = caId + (delta ? DELTA_SUFFIX : "");
        Optional<Long> number = store.newestNumber(caId, delta);
        if (number.isEmpty()) {
            // a CA the schedule has not reached yet: its first CRLs now, so the distribution point is never empty
            publisher.ensurePublished(caId);
            number = store.newestNumber(caId, delta);
        }
        long newestNumber = number.orElseThrow(() -> new FujieException(CommonProblem.NOT_FOUND, "no CRL published yet for CA " + caId));
        CrlRecord cached = cache.get(key);
        if (cached != null && cached.number() == newestNumber) {
            return cached;
        }
        CrlRecord loaded = store.latest(caId, delta)
                .orElseThrow(() -> new FujieException(CommonProblem.NOT_FOUND, "no CRL published yet for CA " + caId));
        cache.put(key, loaded);
        return loaded;
    }

}
