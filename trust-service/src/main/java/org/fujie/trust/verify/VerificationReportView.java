package org.fujie.trust.verify;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.fujie.pki.cms.CmsReport;
import org.fujie.pki.cms.CmsSignatureReport;
import org.fujie.pki.cms.VerifiedTimestamp;
import org.fujie.pki.pdf.Modification;
import org.fujie.pki.pdf.PdfReport;
import org.fujie.pki.pdf.PdfSignatureReport;
import org.fujie.pki.ses.SealFields;
import org.fujie.pki.ses.SesCheck;
import org.fujie.pki.ses.SesCheckResult;
import org.fujie.pki.ses.SesReport;
import org.fujie.pki.ses.SesVersion;
import org.fujie.pki.validation.RevocationFinding;
import org.fujie.pki.xades.XmlReport;
import org.fujie.pki.xades.XmlSignatureReport;

/** The verification report of CONTRACT.md, in EN 319 102-1 vocabulary. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationReportView(String indication, String subIndication, String detail, List<SignatureView> signatures) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimestampView(String genTime, String tsa, String indication, String subIndication, List<String> chain, String detail) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RevocationView(String subject, String serialNumber, String source, String status, String revokedAt, String reason,
            String thisUpdate, String nextUpdate, String detail) {
    }

    public record ModificationView(String object, String kind, boolean allowed, String description) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SignatureView(String id, String format, String signer, String signingTime, String claimedSigningTime,
            TimestampView timestamp, String indication, String subIndication, boolean integrity, List<String> chain,
            List<RevocationView> revocation, boolean coversWholeDocument, String level, List<ModificationView> modifications,
            List<TimestampView> archiveTimestamps, List<String> signedScopes, String claimedRole, String counterSignatureOf,
            SealView seal, List<CheckView> checks, String detail) {
    }

    /** A GB/T 38540 seal's fields, as read (trusted as far as the checks passed). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SealView(String version, String vendorId, String esId, int type, String name, String created, String validStart,
            String validEnd, String pictureType, String maker) {
    }

    /** One step of GB/T 38540's verification order. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CheckView(String check, String indication, String subIndication, String detail) {
    }

    static VerificationReportView of(PdfReport report) {
        return new VerificationReportView(report.indication().name(), name(report.subIndication()), report.detail(),
                report.signatures().stream().map(VerificationReportView::signature).toList());
    }

    private static SignatureView signature(PdfSignatureReport s) {
        return new SignatureView(s.id(), s.format(), s.signer(), text(s.signingTime()), text(s.claimedSigningTime()),
                timestamp(s.timestamp()), s.indication().name(), name(s.subIndication()), s.integrity(), s.chain(),
                s.revocation().stream().map(VerificationReportView::revocation).toList(), s.coversWholeDocument(),
                s.level() == null ? null : s.level().label(),
                s.modifications().stream().map(VerificationReportView::modification).toList(), null, null, null, null, null, null,
                s.detail());
    }

    static VerificationReportView of(CmsReport report) {
        return new VerificationReportView(report.indication().name(), name(report.subIndication()), report.detail(),
                report.signatures().stream().map(VerificationReportView::signature).toList());
    }

    /** A CMS signature covers its whole (encapsulated or detached) content, and nothing can be appended to it. */
    private static SignatureView signature(CmsSignatureReport s) {
        return new SignatureView(s.id(), s.format(), s.signer(), text(s.signingTime()), text(s.claimedSigningTime()),
                timestamp(s.timestamp()), s.indication().name(), name(s.subIndication()), s.integrity(), s.chain(),
                s.revocation().stream().map(VerificationReportView::revocation).toList(), true, s.level().label(),
                null, s.archiveTimestamps().stream().map(VerificationReportView::timestamp).toList(), null, null, null, null, null,
                s.detail());
    }

    static VerificationReportView of(XmlReport report) {
        return new VerificationReportView(report.indication().name(), name(report.subIndication()), report.detail(),
                report.signatures().stream().map(VerificationReportView::signature).toList());
    }

    /** An XML signature says what it covers: its signed scopes, and whether they include the whole document. */
    private static SignatureView signature(XmlSignatureReport s) {
        return new SignatureView(s.id(), s.format(), s.signer(), text(s.signingTime()), text(s.claimedSigningTime()),
                timestamp(s.timestamp()), s.indication().name(), name(s.subIndication()), s.integrity(), s.chain(),
                s.revocation().stream().map(VerificationReportView::revocation).toList(), s.coversWholeDocument(),
                s.level().label(), null, s.archiveTimestamps().stream().map(VerificationReportView::timestamp).toList(),
                s.signedScopes(), s.claimedRole(), s.counterSignatureOf(), null, null, s.detail());
    }

    /** An SES_Signature: one signature over the document's SM3 hash, with the seal it was made with. */
    static VerificationReportView ofSignature(SesReport report) {
        return new VerificationReportView(report.indication().name(), name(report.subIndication()), report.detail(),
                List.of(ses("SES-1", "SES_Signature", report.signer(), report)));
    }

    /** An SESeal alone: the maker's signature over it, the maker certificate and the seal's dates. */
    static VerificationReportView ofSeal(SesReport report) {
        return new VerificationReportView(report.indication().name(), name(report.subIndication()), report.detail(),
                List.of(ses("SEAL-1", "SESeal", report.seal() == null ? null : report.seal().maker(), report)));
    }

    private static SignatureView ses(String id, String structure, String signer, SesReport r) {
        SealFields f = r.seal();
        String format = (f == null ? "GB/T 38540 " : f.version() == SesVersion.V1 ? "GM/T 0031 " : "GB/T 38540 ") + structure;
        SealView seal = f == null ? null : new SealView(f.version().name(), f.vendorId(), f.esId(), f.type(), f.name(),
                text(f.created()), text(f.validStart()), text(f.validEnd()), f.pictureType(), f.maker());
        boolean integrity = r.checks().stream().filter(c -> c.check() == SesCheck.SIGNATURE_VALUE || c.check() == SesCheck.DOCUMENT_HASH
                || c.check() == SesCheck.SEAL_SIGNATURE).allMatch(SesCheckResult::passed) && !r.checks().isEmpty();
        return new SignatureView(id, format, signer, text(r.validationTime()), text(r.signingTime()), timestamp(r.timestamp()),
                r.indication().name(), name(r.subIndication()), integrity, List.of(), List.of(), true, null, null, null, null, null,
                null, seal, r.checks().stream().map(c -> new CheckView(c.check().name(), c.indication().name(),
                        name(c.subIndication()), c.detail())).toList(), r.detail());
    }

    private static TimestampView timestamp(VerifiedTimestamp t) {
        return t == null ? null : new TimestampView(text(t.genTime()), t.tsa(), t.indication().name(), name(t.subIndication()),
                t.chain(), t.detail());
    }

    private static RevocationView revocation(RevocationFinding f) {
        return new RevocationView(f.subject(), f.serial() == null ? null : f.serial().toString(16), f.source().name(),
                f.status().name(), text(f.revokedAt()), f.reason() == null ? null : f.reason().rfcName(), text(f.thisUpdate()),
                text(f.nextUpdate()), f.detail());
    }

    private static ModificationView modification(Modification m) {
        return new ModificationView(m.object(), m.kind().name(), m.allowed(), m.description());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
