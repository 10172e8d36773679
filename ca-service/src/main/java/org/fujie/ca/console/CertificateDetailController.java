package org.fujie.ca.console;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.bouncycastle.cert.X509CertificateHolder;
import org.fujie.ca.authority.AuthorityRegistry;
import org.fujie.ca.authority.CertificateAuthority;
import org.fujie.ca.revocation.RevocationService;
import org.fujie.ca.store.CertificateRecord;
import org.fujie.ca.store.CertificateStore;
import org.fujie.ca.store.SerialText;
import org.fujie.pki.x509.Pem;
import org.fujie.pki.x509.SubjectNames;
import org.fujie.service.audit.AuditEntry;
import org.fujie.service.audit.AuditQuery;
import org.fujie.service.audit.AuditReader;
import org.fujie.service.console.ConsoleController;
import org.fujie.service.problem.CommonProblem;
import org.fujie.service.problem.FujieException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * One certificate: its fields and extensions decoded, its chain, its status history (from the audit log, which
 * records every issue, revocation and release), the PEM and DER downloads, and the revocation actions.
 */
@ConsoleController
class CertificateDetailController {

    private static final int HISTORY_LIMIT = 200;

    private final CertificateStore store;
    private final AuthorityRegistry authorities;
    private final AuditReader audit;

    CertificateDetailController(CertificateStore store, AuthorityRegistry authorities, AuditReader audit) {
        this.store = store;
        this.authorities = authorities;
        this.audit = audit;
    }

    /** A certificate of the chain above this one, and the CA page it belongs to when it is one of ours. */
    record ChainLink(String subject, String caId) {
    }

    @GetMapping("/console/certificates/{serial}")
    String detail(@PathVariable String serial, Model model) {
        CertificateRecord record = record(serial);
        model.addAttribute("certificate", record);
        model.addAttribute("decoded", CertificateDecoder.decode(record.der()));
        model.addAttribute("chain", chain(record.caId()));
        model.addAttribute("history", history(record.serial()));
        model.addAttribute("reasons", RevocationService.REASON_NAMES.stream().filter(r -> !r.equals("certificateHold")).toList());
        return "console/ca/certificate";
    }

    @GetMapping("/console/certificates/{serial}/pem")
    ResponseEntity<byte[]> pem(@PathVariable String serial) {
        CertificateRecord record = record(serial);
        return download(Pem.certificate(record.der()).getBytes(StandardCharsets.US_ASCII), record.serial() + ".pem",
                MediaType.parseMediaType("application/x-pem-file"));
    }

    @GetMapping("/console/certificates/{serial}/der")
    ResponseEntity<byte[]> der(@PathVariable String serial) {
        CertificateRecord record = record(serial);
        return download(record.der(), record.serial() + ".cer", MediaType.parseMediaType("application/pkix-cert"));
    }

    static ResponseEntity<byte[]> download(byte[] body, String filename, MediaType type) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .contentType(type).body(body);
    }

    private CertificateRecord record(String serial) {
        String normalised = SerialText.normalised(serial);
        return store.find(normalised)
                .orElseThrow(() -> new FujieException(CommonProblem.NOT_FOUND, "no certificate with serial " + serial));
    }

    private List<ChainLink> chain(String caId) {
        List<ChainLink> links = new ArrayList<>();
        CertificateAuthority ca = authorities.find(caId).orElse(null);
        while (ca != null) {
            X509CertificateHolder certificate = ca.certificate();
            links.add(new ChainLink(SubjectNames.format(certificate.getSubject()), ca.id()));
            ca = authorities.find(ca.parentId()).orElse(null);
        }
        return links;
    }

    /** Issue, revocations and releases of this certificate, oldest first. */
    private List<AuditEntry> history(String serial) {
        String target = "certificate:" + serial;
        AuditQuery query = AuditQuery.parse(null, null, null, target, null, null);
        List<AuditEntry> entries = new ArrayList<>(audit.page(query, 0, HISTORY_LIMIT).stream()
                .filter(entry -> entry.target().equals(target)).toList());
        Collections.reverse(entries);
        return entries;
    }
}
