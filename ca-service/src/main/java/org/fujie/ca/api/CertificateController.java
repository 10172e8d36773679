package org.fujie.ca.api;

import org.fujie.service.problem.CommonProblem;
import org.fujie.ca.problem.CaProblem;

import org.fujie.service.web.Caller;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.fujie.ca.authority.AuthorityRegistry;
import org.fujie.ca.authority.CertificateAuthority;
import org.fujie.ca.issuance.CertificateIssuer;
import org.fujie.ca.issuance.IssueCommand;
import org.fujie.ca.issuance.IssuedCertificate;
import org.fujie.service.problem.FujieException;
import org.fujie.ca.revocation.RevocationOutcome;
import org.fujie.ca.revocation.RevocationService;
import org.fujie.ca.store.CertificateQuery;
import org.fujie.ca.store.CertificateRecord;
import org.fujie.ca.store.CertificateStore;
import org.fujie.ca.store.SerialText;
import org.fujie.pki.revocation.RevocationReason;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/certificates")
class CertificateController {

    private final CertificateIssuer issuer;
    private final CertificateStore store;
    private final AuthorityRegistry authorities;
    private final RevocationService revocations;

    CertificateController(CertificateIssuer issuer, CertificateStore store, AuthorityRegistry authorities,
            RevocationService revocations) {
        this.issuer = issuer;
        this.store = store;
        this.authorities = authorities;
        this.revocations = revocations;
    }

    record KeyGenerationRequest(String algorithm, String password) {
        @Override
        public String toString() {
            return "KeyGenerationRequest[" + algorithm + "]";
        }
    }

    record IssueRequest(String profile, String csr, String caId, String subject, List<String> sans,
            Map<String, String> identity, Integer validityDays, KeyGenerationRequest keyGeneration) {
    }

    @PostMapping
    ResponseEntity<CertificateView> issue(@RequestBody IssueRequest request, Authentication caller) {
        if (request.csr() != null && request.keyGeneration() != null) {
            throw new FujieException(CommonProblem.MALFORMED_REQUEST, "give either csr or keyGeneration, not both");
        }
        IssueCommand.KeyGeneration keyGeneration = request.keyGeneration() == null ? null
                : new IssueCommand.KeyGeneration(request.keyGeneration().algorithm(),
                        request.keyGeneration().password() == null ? null : request.keyGeneration().password().toCharArray());
        IssuedCertificate issued = issuer.issue(new IssueCommand(request.profile(), request.caId(), request.csr(),
                request.subject(), request.sans(), request.identity(), request.validityDays(), keyGeneration), Caller.of(caller));
        return ResponseEntity.created(URI.create("/api/v1/certificates/" + issued.record().serial()))
                .body(CertificateView.of(issued));
    }

    @GetMapping("/{serial}")
    CertificateView get(@PathVariable String serial) {
        CertificateRecord record = store.find(SerialText.normalised(serial))
                .orElseThrow(() -> new FujieException(CommonProblem.NOT_FOUND, "no certificate with serial " + serial));
        return view(record);
    }

    record RevokeRequest(String reason, String invalidityDate) {
    }

    /** The certificate after the call; changed false means it was already in the asked-for state. */
    record RevocationView(CertificateView certificate, boolean changed, String detail) {
    }

    @PostMapping("/{serial}/revoke")
    RevocationView revoke(@PathVariable String serial, @RequestBody RevokeRequest request, Authentication caller) {
        RevocationReason reason = RevocationService.reason(request == null ? null : request.reason());
        Instant invalidityDate = null;
        if (request.invalidityDate() != null) {
            try {
                invalidityDate = Instant.parse(request.invalidityDate());
            } catch (DateTimeParseException e) {
                throw new FujieException(CaProblem.INVALIDITY_DATE_INVALID, "invalidityDate must be an RFC 3339 UTC time");
            }
        }
        return view(revocations.revoke(SerialText.normalised(serial), reason, invalidityDate, Caller.of(caller)));
    }

    @PostMapping("/{serial}/release")
    RevocationView release(@PathVariable String serial, Authentication caller) {
        return view(revocations.release(SerialText.normalised(serial), Caller.of(caller)));
    }

    private RevocationView view(RevocationOutcome outcome) {
        return new RevocationView(view(outcome.certificate()), outcome.changed(), outcome.detail());
    }

    record Page(List<CertificateView> items, int page, int size, long total) {
    }

    @GetMapping
    Page search(@RequestParam Map<String, String> params) {
        int page = integer(params.get("page"), 0, 0, 1_000_000);
        int size = integer(params.get("size"), 50, 1, 500);
        Instant expiresBefore = null;
        if (params.get("expiresBefore") != null) {
            try {
                expiresBefore = Instant.parse(params.get("expiresBefore"));
            } catch (DateTimeParseException e) {
                throw new FujieException(CommonProblem.MALFORMED_REQUEST, "expiresBefore must be an RFC 3339 UTC time");
            }
        }
        CertificateQuery query = new CertificateQuery(blankToNull(params.get("subject")), blankToNull(params.get("profile")),
                blankToNull(params.get("status")), expiresBefore, blankToNull(params.get("caId")), page, size);
        List<CertificateView> items = store.search(query).stream().map(this::view).toList();
        return new Page(items, page, size, store.count(query));
    }

    private CertificateView view(CertificateRecord record) {
        CertificateAuthority ca = authorities.find(record.caId()).orElse(null);
        return CertificateView.of(record, ca == null ? null : ca.subject(), ca == null ? null : ca.chainPem());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static int integer(String value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new FujieException(CommonProblem.MALFORMED_REQUEST, "expected a number from " + min + " to " + max + ", got " + value);
        }
    }
}
