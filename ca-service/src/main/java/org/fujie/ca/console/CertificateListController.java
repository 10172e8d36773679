package org.fujie.ca.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.fujie.ca.authority.AuthorityRegistry;
import org.fujie.ca.profile.ProfileRegistry;
import org.fujie.ca.store.CaRecord;
import org.fujie.ca.store.CertificateQuery;
import org.fujie.ca.store.CertificateRecord;
import org.fujie.ca.store.CertificateStore;
import org.fujie.ca.store.SerialText;
import org.fujie.service.console.ConsoleController;
import org.fujie.service.console.Pagination;
import org.fujie.service.problem.FujieException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The certificate inventory: filtered by subject, serial, profile, status, CA, or expiring within N days; paged. */
@ConsoleController
class CertificateListController {

    private final CertificateStore store;
    private final ProfileRegistry profiles;
    private final AuthorityRegistry authorities;
    private final Clock clock;

    CertificateListController(CertificateStore store, ProfileRegistry profiles, AuthorityRegistry authorities, Clock clock) {
        this.store = store;
        this.profiles = profiles;
        this.authorities = authorities;
        this.clock = clock;
    }

    /** The filters as typed, shown again in the form. */
    record Filters(String subject, String serial, String profile, String status, String ca, Integer expiringDays) {
    }

    @GetMapping("/console/certificates")
    String list(@RequestParam(required = false) String subject, @RequestParam(required = false) String serial,
            @RequestParam(required = false) String profile, @RequestParam(required = false) String status,
            @RequestParam(required = false) String ca, @RequestParam(required = false) Integer expiringDays,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            HttpServletRequest request, Model model) {
        int pageNumber = Pagination.page(page);
        int pageSize = Pagination.size(size);
        List<CertificateRecord> items;
        long total;
        if (serial != null && !serial.isBlank()) {
            // A serial names one certificate: the other filters do not apply.
            items = find(serial).stream().toList();
            total = items.size();
        } else {
            Instant now = clock.instant();
            Integer within = expiringDays == null ? null : Math.max(0, Math.min(expiringDays, 3650));
            CertificateQuery query = new CertificateQuery(blank(subject), blank(profile), blank(status),
                    within == null ? null : now, within == null ? null : now.plus(Duration.ofDays(within)), blank(ca),
                    pageNumber, pageSize);
            items = store.search(query);
            total = store.count(query);
        }
        model.addAttribute("items", items);
        model.addAttribute("pagination", Pagination.of(request, pageNumber, pageSize, total));
        model.addAttribute("filters", new Filters(subject, serial, profile, status, ca, expiringDays));
        model.addAttribute("profiles", profiles.all().stream().map(p -> p.name()).sorted().toList());
        model.addAttribute("cas", authorities.records().stream().map(CaRecord::id).toList());
        model.addAttribute("statuses", CertificateDashboardController.STATUSES);
        return "console/ca/certificates";
    }

    private Optional<CertificateRecord> find(String serial) {
        try {
            return store.find(SerialText.normalised(serial));
        } catch (FujieException notHex) {
            return Optional.empty();
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
