package org.fujie.pki.pdf;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.fujie.pki.validation.Indication;
import org.fujie.pki.validation.RevocationFinding;
import org.fujie.pki.validation.SubIndication;
import org.fujie.pki.validation.ValidationResult;
import org.fujie.pki.x509.SubjectNames;

/**
 * Turns the checks of one signature into its verdict: integrity first, then disallowed changes after
 * signing, then the signing certificate's validation (a revocation before the signing time fails the
 * signature; one that nothing places the signature before is REVOKED_NO_POE), and the level reached.
 */
final class ReportAssembler {

    private final List<SignatureOutcome> documentTimestamps;
    private final long dssOffset;
    private final DssData dss;

    ReportAssembler(List<SignatureOutcome> documentTimestamps, long dssOffset, DssData dss) {
        this.documentTimestamps = List.copyOf(documentTimestamps);
        this.dssOffset = dssOffset;
        this.dss = dss;
    }

    /** The earliest genTime of a valid document time-stamp covering the signature's revision, or null. */
    Instant proofOfExistence(SignatureField field, long fileLength) {
        long[] range = field.byteRange();
        if (range == null) {
            return null;
        }
        long end = range[2] + range[3];
        return documentTimestamps.stream().filter(t -> validTimestamp(t) && t.range().signedLength() > end)
                .map(t -> t.timestamp().genTime()).min(Instant::compareTo).orElse(null);
    }

    PdfSignatureReport report(SignatureOutcome outcome, List<Modification> modifications) {
        SignatureField field = outcome.field();
        boolean whole = outcome.range() != null && outcome.range().coversWholeDocument();
        CmsVerification cms = outcome.cms();
        boolean timestampValid = outcome.timestamp() != null && outcome.timestamp().valid();
        Instant claimed = cms != null && cms.claimedTime() != null ? cms.claimedTime() : field.claimedTime();
        String signer = field.documentTimestamp() ? (outcome.timestamp() == null ? null : outcome.timestamp().tsa())
                : cms == null || cms.signer() == null ? null : SubjectNames.format(cms.signer().getSubjectX500Principal());
        Instant signingTime = timestampValid ? outcome.timestamp().genTime() : claimed;
        ValidationResult chain = outcome.chain();
        List<String> path = chain == null ? List.of() : chain.pathSubjects();
        List<RevocationFinding> revocation = chain == null ? List.of() : chain.revocation();
        String format = field.documentTimestamp() ? "DOC-TIMESTAMP"
                : SignatureVerifier.PADES.equals(field.subFilter()) ? "PAdES" : "PKCS7";
        Verdict verdict = verdict(outcome, modifications);
        return new PdfSignatureReport(field.id(), format, signer, signingTime, claimed, outcome.timestamp(),
                verdict.indication(), verdict.subIndication(), outcome.intact(), path, revocation, whole,
                level(outcome), modifications, verdict.detail());
    }

    private record Verdict(Indication indication, SubIndication subIndication, String detail) {
    }

    private Verdict verdict(SignatureOutcome outcome, List<Modification> modifications) {
        if (!outcome.intact()) {
            return new Verdict(outcome.failure().indication(), outcome.failure(), outcome.detail());
        }
        List<String> disallowed = modifications.stream().filter(m -> !m.allowed())
                .map(m -> m.object() + ": " + m.description()).toList();
        if (!disallowed.isEmpty()) {
            return new Verdict(Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE,
                    "changed after signing in a way its permissions do not allow: " + String.join("; ", disallowed));
        }
        if (outcome.field().documentTimestamp()) {
            PdfTimestamp ts = outcome.timestamp();
            return new Verdict(ts.indication(), ts.subIndication(), ts.detail());
        }
        ValidationResult chain = outcome.chain();
        if (chain.valid()) {
            return new Verdict(Indication.TOTAL_PASSED, null, "signature valid; signing certificate " + chain.detail());
        }
        if (chain.subIndication() == SubIndication.REVOKED) {
            // EN 319 102-1 5.2.6 and 5.6.2.4: a signing certificate revoked before the best signature time leaves the
            // signature INDETERMINATE/REVOKED_NO_POE; a signature time-stamp proves existence, not creation, so even
            // one after the revocation does not turn it into TOTAL_FAILED (DSS 6.3 answers the same).
            return new Verdict(Indication.INDETERMINATE, SubIndication.REVOKED_NO_POE, "the signing certificate was revoked"
                    + " before the best signature time " + outcome.validationTime() + ": " + chain.detail());
        }
        return new Verdict(chain.indication(), chain.subIndication(), "signing certificate: " + chain.detail());
    }

    private PdfLevel level(SignatureOutcome outcome) {
        if (outcome.field().documentTimestamp() || !outcome.intact() || outcome.cms() == null
                || !SignatureVerifier.PADES.equals(outcome.field().subFilter()) || !outcome.cms().signingCertificateReference()) {
            return PdfLevel.NONE;
        }
        long end = outcome.range().signedLength();
        List<SignatureOutcome> covering = documentTimestamps.stream()
                .filter(t -> validTimestamp(t) && t.range().signedLength() > end).toList();
        boolean timestamped = outcome.timestamp() != null && outcome.timestamp().valid() || !covering.isEmpty();
        if (!timestamped) {
            return PdfLevel.B_B;
        }
        ValidationResult chain = outcome.chain();
        boolean embedded = !dss.isEmpty() && chain != null && !chain.revocation().isEmpty()
                && chain.revocation().stream().allMatch(f -> EmbeddedRevocationSource.URL.equals(f.url()));
        if (!embedded) {
            return PdfLevel.B_T;
        }
        boolean archived = dssOffset >= 0 && covering.stream().anyMatch(t -> t.range().signedLength() > dssOffset);
        return archived ? PdfLevel.B_LTA : PdfLevel.B_LT;
    }

    private static boolean validTimestamp(SignatureOutcome t) {
        return t.intact() && t.range() != null && t.timestamp() != null && t.timestamp().valid();
    }

    /** Where the /DSS dictionary is in the file (its object, or its object stream), -1 when there is none. */
    static long dssOffset(PDDocument document) {
        COSBase item = document.getDocumentCatalog().getCOSObject().getItem(COSName.getPDFName("DSS"));
        Map<COSObjectKey, Long> xref = document.getDocument().getXrefTable();
        COSObjectKey key = item instanceof COSObject o ? o.getKey() : document.getDocumentCatalog().getCOSObject().getKey();
        if (item == null || key == null) {
            return -1;
        }
        Long offset = xref.get(key);
        if (offset != null && offset < 0) {
            offset = xref.get(new COSObjectKey(-offset, 0));
        }
        return offset == null ? -1 : offset;
    }
}
