package org.fujie.service.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.fujie.service.audit.AuditCheckpoint;
import org.fujie.service.audit.AuditCheckpointer;
import org.fujie.service.audit.AuditEntry;
import org.fujie.service.audit.AuditQuery;
import org.fujie.service.audit.AuditReader;
import org.fujie.service.audit.AuditVerification;
import org.fujie.service.problem.CommonProblem;
import org.fujie.service.problem.FujieException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

/** The audit log for ADMIN and AUDITOR: query, export as JSON lines, verify; ADMIN signs a checkpoint. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    static final String NDJSON = "application/x-ndjson";
    private static final int MAX_PAGE_SIZE = 500;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuditReader reader;
    private final AuditCheckpointer checkpointer;

    AuditController(AuditReader reader, AuditCheckpointer checkpointer) {
        this.reader = reader;
        this.checkpointer = checkpointer;
    }

    record Page(List<EntryView> items, int page, int size, long total) {
    }

    /**
     * An entry as stored, with the fields its hash covers in the form they are hashed in ({@code at} as
     * {@link java.time.Instant#toString()}, {@code details} as the stored JSON text), so that an
     * auditor can recompute the chain offline.
     */
    record EntryView(long seq, String at, String actor, String roles, String action, String target, String outcome,
            String clientAddress, String details, String prevHash, String hash) {
        static EntryView of(AuditEntry e) {
            return new EntryView(e.seq(), e.at().toString(), e.actor(), e.roles(), e.action(), e.target(), e.outcome(),
                    e.clientAddress(), e.details(), e.prevHash(), e.hash());
        }
    }

    record CheckpointView(long seq, String hash, String signedAt, String keyAlias, Long previousSeq) {
        static CheckpointView of(AuditCheckpoint c) {
            return new CheckpointView(c.seq(), c.hash(), c.signedAt().toString(), c.keyAlias(), c.previousSeq());
        }
    }

    @GetMapping
    Page list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String outcome, @RequestParam(required = false) String target,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") String page, @RequestParam(defaultValue = "50") String size) {
        AuditQuery query = AuditQuery.parse(actor, action, outcome, target, from, to);
        int pageNumber = number("page", page, 0, Integer.MAX_VALUE);
        // Sizes above the bound are served at the bound, as before: a page is never unbounded.
        int pageSize = Math.min(number("size", size, 1, Integer.MAX_VALUE), MAX_PAGE_SIZE);
        List<EntryView> items = reader.page(query, pageNumber, pageSize).stream().map(EntryView::of).toList();
        return new Page(items, pageNumber, pageSize, reader.count(query));
    }

    /** The entries the filters select, oldest first, one JSON object a line, streamed page by page. */
    @GetMapping("/export")
    void export(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String outcome, @RequestParam(required = false) String target,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            HttpServletResponse response) throws IOException {
        AuditQuery query = AuditQuery.parse(actor, action, outcome, target, from, to);
        response.setContentType(NDJSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        OutputStream out = response.getOutputStream();
        reader.export(query, entry -> {
            try {
                out.write(JSON.writeValueAsBytes(EntryView.of(entry)));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }

    @GetMapping("/verify")
    AuditVerification verify() {
        return reader.verify();
    }

    /** Signs the current head now (besides the schedule), e.g. before a backup. ADMIN only. */
    @PostMapping("/checkpoints")
    CheckpointView checkpoint() {
        return checkpointer.checkpoint().map(CheckpointView::of)
                .orElseThrow(() -> new FujieException(CommonProblem.NOT_FOUND, "the audit log is empty"));
    }

    @GetMapping("/checkpoints")
    List<CheckpointView> checkpoints() {
        return checkpointer.all().stream().map(CheckpointView::of).toList();
    }

    private static int number(String name, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new FujieException(AuditQuery.INVALID, name + " must be a whole number of at least " + min);
    }
}
