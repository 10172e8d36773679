package org.fujie.ca.api;

import java.util.List;

import org.fujie.ca.audit.AuditEntry;
import org.fujie.ca.audit.AuditReader;
import org.fujie.ca.audit.AuditVerification;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private final AuditReader reader;

    AuditController(AuditReader reader) {
        this.reader = reader;
    }

    record Page(List<AuditEntry> items, int page, int size, long total) {
    }

    @GetMapping
    Page list(@RequestParam(required = false) String action, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        int boundedSize = Math.max(1, Math.min(size, 500));
        int boundedPage = Math.max(0, page);
        return new Page(reader.page(action, boundedPage, boundedSize), boundedPage, boundedSize, reader.count());
    }

    @GetMapping("/verify")
    AuditVerification verify() {
        return reader.verify();
    }
}
