package org.fujie.trust.console;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.fujie.service.console.ConsoleController;
import org.fujie.service.console.ProblemTitles;
import org.fujie.service.problem.FujieException;
import org.fujie.trust.verify.DocumentVerifier;
import org.fujie.trust.verify.VerificationReportView;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Upload a document (and the data of a detached signature) and read its verification report: the same
 * {@link DocumentVerifier} as {@code POST /api/v1/verify}, the same report, laid out for people. A refused document
 * shows the form again with the service's words.
 */
@ConsoleController
class VerifyConsoleController {

    static final String VIEW = "console/trust/verify";

    private final DocumentVerifier verifier;

    VerifyConsoleController(DocumentVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/console/verify")
    String form() {
        return VIEW;
    }

    @PostMapping("/console/verify")
    String verify(@RequestParam MultipartFile document, @RequestParam(required = false) MultipartFile detached, Model model,
            HttpServletResponse response) throws IOException {
        try {
            VerificationReportView report = verifier.verify(document, detached == null || detached.isEmpty() ? null : detached);
            model.addAttribute("report", report);
            model.addAttribute("fileName", document.getOriginalFilename());
        } catch (FujieException refused) {
            response.setStatus(refused.type().status());
            model.addAttribute("refusal", refused.getMessage());
            model.addAttribute("refusalTitle", ProblemTitles.of(refused.type()));
        }
        return VIEW;
    }
}
