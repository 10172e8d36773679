package org.fujie.seal.console;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.fujie.seal.problem.SealProblem;
import org.fujie.seal.seal.KeeperScope;
import org.fujie.seal.seal.Seal;
import org.fujie.seal.seal.SealService;
import org.fujie.seal.stamp.SealStamper;
import org.fujie.seal.stamp.Usage;
import org.fujie.service.console.ConsoleController;
import org.fujie.service.console.Pagination;
import org.fujie.service.problem.FujieException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One seal: its image, status, maker and approver, certificates, keepers and usage (newest first, paged), with the
 * lifecycle actions the user's roles allow. Read through KeeperScope, as the API reads it.
 */
@ConsoleController
class SealDetailController {

    private final SealService seals;
    private final SealStamper stamper;

    SealDetailController(SealService seals, SealStamper stamper) {
        this.seals = seals;
        this.stamper = stamper;
    }

    @GetMapping("/console/seals/{id}")
    String seal(@PathVariable String id, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            Authentication caller, HttpServletRequest request, Model model) {
        Seal seal = KeeperScope.readable(seals.get(id), caller);
        List<Usage> usage = new ArrayList<>(stamper.usage(id));
        Collections.reverse(usage);
        int pageNumber = Pagination.page(page);
        int pageSize = Pagination.size(size);
        int from = (int) Math.min((long) pageNumber * pageSize, usage.size());
        model.addAttribute("seal", seal);
        model.addAttribute("expiringSoon", seals.expiringSoon(seal));
        model.addAttribute("certificate", seal.certificateDer() == null ? null : CertificateSummary.of(seal.certificateDer()));
        model.addAttribute("certificates", seals.certificates(id));
        model.addAttribute("usage", usage.subList(from, Math.min(from + pageSize, usage.size())));
        model.addAttribute("pagination", Pagination.of(request, pageNumber, pageSize, usage.size()));
        model.addAttribute("reasons", SealLifecycleController.REASONS);
        model.addAttribute("keeperLines", KeeperLines.join(seal.keepers()));
        return "console/seal/seal";
    }

    /** The image as the API serves it; the pages show it as a thumbnail. */
    @GetMapping(value = "/console/seals/{id}/image.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> image(@PathVariable String id, Authentication caller) {
        KeeperScope.readable(seals.get(id), caller);
        byte[] png = seals.image(id).orElseThrow(() -> new FujieException(SealProblem.SEAL_NOT_FOUND, "the seal " + id + " has no image"));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_PNG).body(png);
    }
}
