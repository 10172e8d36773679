package org.fujie.seal.console;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletResponse;

import org.fujie.seal.problem.SealProblem;
import org.fujie.seal.seal.Actor;
import org.fujie.seal.seal.NewSeal;
import org.fujie.seal.seal.Seal;
import org.fujie.seal.seal.SealService;
import org.fujie.seal.seal.SealType;
import org.fujie.service.console.ConsoleController;
import org.fujie.service.console.ProblemTitles;
import org.fujie.service.problem.FujieException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Making a seal from the console, through the same {@link SealService#make} as {@code POST /api/v1/seals} (same checks,
 * same audit entry), with a preview of the standard image: rendered by the server from what was typed, refreshed as one
 * types by /console/assets/seal-preview.js, or by the form's Preview button without script. A refusal shows the form
 * again with the service's words and what was typed.
 */
@ConsoleController
class SealMakeController {

    static final String VIEW = "console/seal/make";
    /** The API takes images of up to 2 MB (base64 in JSON): the same here. */
    private static final long MAX_IMAGE_BYTES = 2L * 1024 * 1024;

    private final SealService seals;

    SealMakeController(SealService seals) {
        this.seals = seals;
    }

    /** What the form shows again: everything typed but the uploaded file. */
    record MakeForm(String name, String organization, String type, String algorithm, String keepers) {

        static MakeForm empty() {
            return new MakeForm("", "", SealType.OFFICIAL.name(), "EC-P256", "");
        }

        List<String> keeperList() {
            return KeeperLines.parse(keepers);
        }

        boolean previewable() {
            return name != null && !name.isBlank() && organization != null && !organization.isBlank();
        }
    }

    @GetMapping("/console/seals/new")
    String form(Model model) {
        return show(model, MakeForm.empty(), false);
    }

    @PostMapping("/console/seals/new")
    String make(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String organization,
            @RequestParam(defaultValue = "OFFICIAL") String type, @RequestParam(defaultValue = "EC-P256") String algorithm,
            @RequestParam(defaultValue = "") String keepers, @RequestParam(required = false) MultipartFile image,
            @RequestParam(defaultValue = "make") String action, Authentication caller, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        MakeForm form = new MakeForm(name, organization, type, algorithm, keepers);
        if ("preview".equals(action)) {
            return show(model, form, true);
        }
        try {
            Seal made = seals.make(new NewSeal(name, organization, type, algorithm, png(image), form.keeperList()), Actor.of(caller));
            redirect.addFlashAttribute("notice", "made");
            return "redirect:/console/seals/" + made.id();
        } catch (FujieException refused) {
            response.setStatus(refused.type().status());
            model.addAttribute("refusal", refused.getMessage());
            model.addAttribute("refusalTitle", ProblemTitles.of(refused.type()));
            return show(model, form, false);
        }
    }

    /** The standard image for what was typed so far; 400 with the reason when none can be drawn. */
    @GetMapping("/console/seals/preview.png")
    ResponseEntity<byte[]> preview(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String organization,
            @RequestParam(defaultValue = "OFFICIAL") String type) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_PNG)
                .body(SealService.standardImage(organization, name, type));
    }

    private static String show(Model model, MakeForm form, boolean previewAsked) {
        model.addAttribute("form", form);
        model.addAttribute("types", Arrays.stream(SealType.values()).map(Enum::name).toList());
        model.addAttribute("algorithms", new TreeSet<>(SealService.ALGORITHMS));
        if (form.previewable()) {
            try {
                SealService.standardImage(form.organization(), form.name(), form.type());
                model.addAttribute("previewable", true);
            } catch (FujieException notDrawable) {
                model.addAttribute("previewProblem", notDrawable.getMessage());
            }
        } else if (previewAsked) {
            model.addAttribute("previewMissing", true);
        }
        return VIEW;
    }

    private static byte[] png(MultipartFile image) {
        if (image == null || image.isEmpty()) {
            return null;
        }
        if (image.getSize() > MAX_IMAGE_BYTES) {
            throw new FujieException(SealProblem.SEAL_INVALID, "the image is larger than " + MAX_IMAGE_BYTES + " bytes");
        }
        try {
            return image.getBytes();
        } catch (IOException e) {
            throw new FujieException(SealProblem.SEAL_INVALID, "the image could not be read");
        }
    }
}
