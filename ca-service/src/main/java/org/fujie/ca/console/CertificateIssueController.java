package org.fujie.ca.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.fujie.ca.authority.AuthorityRegistry;
import org.fujie.ca.issuance.CertificateIssuer;
import org.fujie.ca.issuance.IssueCommand;
import org.fujie.ca.issuance.IssuedCertificate;
import org.fujie.ca.profile.CertificateProfile;
import org.fujie.ca.profile.ProfileRegistry;
import org.fujie.ca.store.CaRecord;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.x509.Pem;
import org.fujie.service.console.ConsoleController;
import org.fujie.service.console.ProblemTitles;
import org.fujie.service.problem.CommonProblem;
import org.fujie.service.problem.FujieException;
import org.fujie.service.web.Caller;
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
 * Issuing from the console, through the same {@link CertificateIssuer} as {@code POST /api/v1/certificates} (same
 * policy, same audit entry): from a pasted or uploaded CSR, or with a key the service generates, answered as a
 * PKCS#12 download protected by the password the user typed. The password is never shown again, logged or audited. A
 * refusal shows the form again, with the problem's status and words.
 */
@ConsoleController
class CertificateIssueController {

    static final String VIEW = "console/ca/issue";
    private static final int MAX_CSR_BYTES = 64 * 1024;

    private final CertificateIssuer issuer;
    private final ProfileRegistry profiles;
    private final AuthorityRegistry authorities;

    CertificateIssueController(CertificateIssuer issuer, ProfileRegistry profiles, AuthorityRegistry authorities) {
        this.issuer = issuer;
        this.profiles = profiles;
        this.authorities = authorities;
    }

    /** What the form shows again after a refusal: everything typed except passwords. */
    record IssueForm(String mode, String profile, String caId, String csr, String subject, String sans, String algorithm,
            Integer validityDays) {
        static IssueForm empty() {
            return new IssueForm("csr", "tls-server", "", "", "", "", "EC-P256", null);
        }
    }

    @GetMapping("/console/certificates/new")
    String form(Model model) {
        return show(model, IssueForm.empty(), null);
    }

    @PostMapping("/console/certificates/new")
    String fromCsr(@RequestParam String profile, @RequestParam(required = false) String caId,
            @RequestParam(required = false) Integer validityDays, @RequestParam(required = false) String csr,
            @RequestParam(required = false) MultipartFile csrFile, Authentication caller, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        IssueForm form = new IssueForm("csr", profile, caId, csr, "", "", "EC-P256", validityDays);
        try {
            String pem = csrPem(csr, csrFile);
            IssuedCertificate issued = issuer.issue(new IssueCommand(profile, blank(caId), pem, null, null, null, validityDays, null),
                    Caller.of(caller));
            redirect.addFlashAttribute("notice", "issued");
            return "redirect:/console/certificates/" + issued.record().serial();
        } catch (FujieException refused) {
            response.setStatus(refused.type().status());
            return show(model, form, refused);
        }
    }

    @PostMapping("/console/certificates/keygen")
    Object withGeneratedKey(@RequestParam String profile, @RequestParam(required = false) String caId,
            @RequestParam(required = false) Integer validityDays, @RequestParam String subject,
            @RequestParam(required = false) String sans, @RequestParam String algorithm, @RequestParam String password,
            @RequestParam String passwordConfirmation, Authentication caller, Model model, HttpServletResponse response) {
        IssueForm form = new IssueForm("keygen", profile, caId, "", subject, sans, algorithm, validityDays);
        char[] secret = password.toCharArray();
        try {
            if (!password.equals(passwordConfirmation)) {
                throw new FujieException(CommonProblem.MALFORMED_REQUEST, "the two passwords differ");
            }
            IssuedCertificate issued = issuer.issue(new IssueCommand(profile, blank(caId), null, subject, lines(sans), null,
                    validityDays, new IssueCommand.KeyGeneration(algorithm, secret)), Caller.of(caller));
            return CertificateDetailController.download(issued.pkcs12(), issued.record().serial() + ".p12",
                    MediaType.parseMediaType("application/x-pkcs12"));
        } catch (FujieException refused) {
            response.setStatus(refused.type().status());
            return show(model, form, refused);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private String show(Model model, IssueForm form, FujieException refused) {
        model.addAttribute("form", form);
        model.addAttribute("profiles", profiles.all().stream().sorted(java.util.Comparator.comparing(CertificateProfile::name)).toList());
        model.addAttribute("cas", authorities.records().stream().map(CaRecord::id).toList());
        model.addAttribute("algorithms", Arrays.stream(KeyAlgorithm.values()).map(KeyAlgorithm::id).toList());
        if (refused != null) {
            model.addAttribute("refusal", refused.getMessage());
            model.addAttribute("refusalTitle", ProblemTitles.of(refused.type()));
        }
        return VIEW;
    }

    /** The pasted PEM, or the uploaded file as PEM or DER. */
    private static String csrPem(String pasted, MultipartFile file) {
        if (file != null && !file.isEmpty()) {
            if (file.getSize() > MAX_CSR_BYTES) {
                throw new FujieException(CommonProblem.MALFORMED_REQUEST, "the CSR file is larger than " + MAX_CSR_BYTES + " bytes");
            }
            try {
                byte[] bytes = file.getBytes();
                String text = new String(bytes, StandardCharsets.US_ASCII);
                return text.contains("-----BEGIN") ? text : Pem.encode("CERTIFICATE REQUEST", bytes);
            } catch (IOException e) {
                throw new FujieException(CommonProblem.MALFORMED_REQUEST, "the CSR file could not be read");
            }
        }
        if (pasted == null || pasted.isBlank()) {
            throw new FujieException(CommonProblem.MALFORMED_REQUEST, "paste a CSR (PEM) or choose a CSR file");
        }
        return pasted;
    }

    private static List<String> lines(String text) {
        return text == null ? null : text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
