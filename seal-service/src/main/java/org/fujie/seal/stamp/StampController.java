package org.fujie.seal.stamp;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.fujie.seal.problem.SealProblem;
import org.fujie.seal.seal.Actor;
import org.fujie.service.problem.FujieException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/v1/seals/{id}/stamp} (multipart document and options) and the usage listing. */
@RestController
class StampController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

    private final SealStamper stamper;

    StampController(SealStamper stamper) {
        this.stamper = stamper;
    }

    @PostMapping(value = "/api/v1/seals/{id}/stamp", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> stamp(@PathVariable String id, @RequestPart("document") MultipartFile document,
            @RequestPart(name = "options", required = false) String options, Authentication caller) throws IOException {
        StampOptions parsed;
        try {
            parsed = options == null ? StampOptions.none() : JSON.readValue(options, StampOptions.class);
        } catch (JacksonException e) {
            throw new FujieException(SealProblem.STAMP_INVALID, "options is not the JSON of CONTRACT.md");
        }
        byte[] pdf;
        try (InputStream in = document.getInputStream()) {
            pdf = in.readNBytes(MAX_DOCUMENT_BYTES + 1);
        }
        if (pdf.length > MAX_DOCUMENT_BYTES) {
            throw new FujieException(SealProblem.STAMP_INVALID, "the document is larger than " + MAX_DOCUMENT_BYTES + " bytes");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(stamper.stamp(id, pdf, parsed, Actor.of(caller)));
    }

    @GetMapping("/api/v1/seals/{id}/usage")
    List<Usage> usage(@PathVariable String id) {
        return stamper.usage(id);
    }
}
