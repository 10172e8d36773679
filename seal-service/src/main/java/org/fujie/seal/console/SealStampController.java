package org.fujie.seal.console;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.fujie.seal.problem.SealProblem;
import org.fujie.seal.seal.Actor;
import org.fujie.seal.seal.SealService;
import org.fujie.seal.seal.SealStatus;
import org.fujie.seal.stamp.PdfStamping;
import org.fujie.seal.stamp.SealStamper;
import org.fujie.seal.stamp.StampOptions;
import org.fujie.service.console.ConsoleController;
import org.fujie.service.problem.FujieException;
import org.fujie.service.web.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * A keeper stamps a PDF from the browser with one of the ACTIVE seals it keeps, placed by page and position or on a
 * keyword, at the level chosen: the same {@link SealStamper} as {@code POST /api/v1/seals/{id}/stamp} (the same grant
 * check, usage record and audit entry), answered with the stamped PDF as a download. XML and SES stamps stay the API's.
 */
@ConsoleController
class SealStampController {

    static final List<String> LEVELS = List.of("B-B", "B-T", "B-LT", "B-LTA");

    private final SealService seals;
    private final PdfStamping pdfs;

    SealStampController(SealService seals, SealStamper stamper) {
        this.seals = seals;
        this.pdfs = new PdfStamping(stamper);
    }

    @GetMapping("/console/stamp")
    String form(@RequestParam(required = false) String seal, Authentication caller, Model model) {
        // Those the user keeps, whatever else their roles let them read: only these stamp for them.
        model.addAttribute("seals", seals.list(SealStatus.ACTIVE, false).stream()
                .filter(s -> s.keepers().contains(Caller.identity(caller))).toList());
        model.addAttribute("selected", seal);
        model.addAttribute("levels", LEVELS);
        return "console/seal/stamp";
    }

    @PostMapping("/console/stamp")
    void stamp(@RequestParam String seal, @RequestParam MultipartFile document, @RequestParam(defaultValue = "position") String placement,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Float x,
            @RequestParam(required = false) Float y, @RequestParam(required = false) String keyword,
            @RequestParam(defaultValue = "B-B") String level, Authentication caller, HttpServletResponse response) throws IOException {
        if (document.isEmpty() || !PdfStamping.isPdf(document)) {
            throw new FujieException(SealProblem.STAMP_INVALID, "choose a PDF document: the console stamps PDFs (XML and other data "
                    + "through the API)");
        }
        boolean onKeyword = "keyword".equals(placement);
        if (onKeyword && (keyword == null || keyword.isBlank())) {
            throw new FujieException(SealProblem.STAMP_INVALID, "type the keyword to place the seal on");
        }
        StampOptions options = new StampOptions(onKeyword ? null : page, onKeyword ? null : x, onKeyword ? null : y, null,
                onKeyword ? keyword.strip() : null, null, null, null, level, null, null, null, null, null, null);
        pdfs.stamp(seal, document, options, Actor.of(caller), response, downloadName(document.getOriginalFilename()));
    }

    /** The uploaded name with "-stamped" before .pdf, in ASCII letters, digits, dots, dashes and underscores. */
    static String downloadName(String original) {
        String base = original == null ? "" : original.replaceAll("(?i)\\.pdf$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        return (base.isBlank() ? "document" : base) + "-stamped.pdf";
    }
}
