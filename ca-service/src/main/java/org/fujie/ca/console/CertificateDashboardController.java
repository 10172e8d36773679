package org.fujie.ca.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.fujie.ca.store.CertificateRecord;
import org.fujie.ca.store.CertificateStore;
import org.fujie.service.console.BarChart;
import org.fujie.service.console.ConsoleController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's home: certificates by status, and when the valid ones expire. */
@ConsoleController
class CertificateDashboardController {

    static final List<String> STATUSES = List.of(CertificateRecord.VALID, CertificateRecord.ON_HOLD, CertificateRecord.REVOKED);

    private final CertificateStore store;
    private final Clock clock;

    CertificateDashboardController(CertificateStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @GetMapping("/console/")
    String dashboard(@RequestParam(defaultValue = "90") int days, Model model) {
        int window = Math.max(7, Math.min(days, ExpiryTimeline.MAX_DAYS));
        Instant now = clock.instant();
        Map<String, Long> counts = store.countByStatus();
        List<Instant> expiries = store.validExpiring(now, now.plus(Duration.ofDays(window)));
        model.addAttribute("counts", STATUSES.stream().map(status -> new StatusCount(status, counts.getOrDefault(status, 0L))).toList());
        model.addAttribute("total", counts.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("expired", store.countExpired(now));
        model.addAttribute("days", window);
        model.addAttribute("weekly", ExpiryTimeline.weekly(window));
        model.addAttribute("expiring", expiries.size());
        model.addAttribute("chart", BarChart.of(ExpiryTimeline.points(expiries, now, window), 160));
        return "console/ca/dashboard";
    }

    record StatusCount(String status, long count) {
    }
}
