package org.fujie.service.web;

import org.fujie.service.problem.CommonProblem;

import java.util.List;

import org.fujie.service.audit.AuditCheckpoint;
import org.fujie.service.audit.AuditCheckpointer;
import org.fujie.service.audit.AuditEntry;
import org.fujie.service.audit.AuditReader;
import org.fujie.service.audit.AuditVerification;
import org.fujie.service.problem.FujieException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private final AuditReader reader;
    private final AuditCheckpointer checkpointer;

    AuditController(AuditReader reader, AuditCheckpointer checkpointer) {
        this.reader = reader;
        this.checkpointer = checkpointer;
    }

    record Page(List<AuditEntry> items, int page, int size, long total) {
    }

    record CheckpointView(long seq, String hash, String signedAt, String keyAlias) {
        static CheckpointView of(AuditCheckpoint c) {
            return new CheckpointView(c.seq(), c.hash(), c.signedAt().toString(), c.keyAlias());
        }
    }

    @GetMapping
    Page list(@RequestParam(required = false) String action, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        int boundedSize = Math.max(1, Math.min(size, 500));
        int boundedPage = Math.max(0, page);
        return new Page(reader.page(action, boundedPage, boundedSize), boundedPage, boundedSize, reader.count(action));
    }

    @GetMapping("/verify")
    AuditVerification verify() {
        return reader.verify();
    }

    /** Signs the current head now (besides the schedule), e.g. before a backup. */
    @PostMapping("/checkpoints")
    CheckpointView checkpoint() {
        return checkpointer.checkpoint().map(CheckpointView::of)
                .orElseThrow(() -> new FujieException(CommonProblem.NOT_FOUND, "the audit log is empty"));
    }

    @GetMapping("/checkpoints")
    List<CheckpointView> checkpoints() {
        return checkpointer.all().stream().map(CheckpointView::of).toList();
    }
}
