package org.fujie.service.console;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.fujie.service.audit.AuditEntry;
import org.fujie.service.audit.AuditOutcome;
import org.fujie.service.audit.AuditQuery;
import org.fujie.service.audit.AuditReader;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log page every service has (ADMIN and AUDITOR): the same filters as {@code GET /api/v1/audit}, newest
 * first, paged, and the result of verifying the whole chain with its checkpoints (at most a minute old; {@code verify}
 * asks for a new one).
 */
@ConsoleController
class ConsoleAuditController {

    private final AuditReader reader;
    private final RecentVerification verification;

    ConsoleAuditController(AuditReader reader, Clock clock) {
        this.reader = reader;
        this.verification = new RecentVerification(reader, clock);
    }

    @GetMapping("/console/audit")
    String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String outcome, @RequestParam(required = false) String target,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String verify, HttpServletRequest request, Model model) {
        AuditQuery query = AuditQuery.parse(actor, action, outcome, target, from, to);
        int pageNumber = Pagination.page(page);
        int pageSize = Pagination.size(size);
        List<AuditEntry> entries = reader.page(query, pageNumber, pageSize);
        model.addAttribute("entries", entries);
        model.addAttribute("pagination", Pagination.of(request, pageNumber, pageSize, reader.count(query)));
        RecentVerification.Result chain = verification.get(verify != null);
        model.addAttribute("verification", chain.verification());
        model.addAttribute("verifiedAt", chain.at().truncatedTo(ChronoUnit.SECONDS));
        model.addAttribute("outcomes", List.of(AuditOutcome.values()));
        model.addAttribute("filters", new Filters(actor, action, outcome, target, from, to));
        return "console/audit";
    }

    /** The filters as typed, shown again in the form. */
    record Filters(String actor, String action, String outcome, String target, String from, String to) {
    }
}
