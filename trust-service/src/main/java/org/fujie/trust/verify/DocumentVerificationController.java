package org.fujie.trust.verify;

import java.io.IOException;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /api/v1/verify}: the document's verification report ({@link DocumentVerifier}), as JSON. */
@RestController
class DocumentVerificationController {

    private final DocumentVerifier verifier;

    DocumentVerificationController(DocumentVerifier verifier) {
        this.verifier = verifier;
    }

    @PostMapping("/api/v1/verify")
    VerificationReportView verify(@RequestPart("document") MultipartFile document,
            @RequestPart(name = "detached", required = false) MultipartFile detached) throws IOException {
        return verifier.verify(document, detached);
    }
}
