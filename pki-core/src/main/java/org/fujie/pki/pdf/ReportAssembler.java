package org.fujie.pki.pdf;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.fujie.pki.cms.BaselineLevel;
import org.fujie.pki.cms.SignatureVerdict;
import org.fujie.pki.cms.SignerVerification;
import org.fujie.pki.cms.VerifiedTimestamp;
import org.fujie.pki.cms.ValidationData;
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
    private final ValidationData dss;

    ReportAssembler(List<SignatureOutcome> documentTimestamps, long dssOffset, ValidationData dss) {
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
        SignerVerification cms = outcome.cms();
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
        SignatureVerdict verdict = verdict(outcome, modifications);
        return new PdfSignatureReport(field.id(), format, signer, signingTime, claimed, outcome.timestamp(),
                verdict.indication(), verdict.subIndication(), outcome.intact(), path, revocation, whole,
                level(outcome), modifications, verdict.detail());
    }

    private SignatureVerdict verdict(SignatureOutcome outcome, List<Modification> modifications) {
        if (!outcome.intact()) {
            return SignatureVerdict.failed(outcome.failure(), outcome.detail());
        }
        List<String> disallowed = modifications.stream().filter(m -> !m.allowed())
                .map(m -> m.object() + ": " + m.description()).toList();
        if (!disallowed.isEmpty()) {
            return new SignatureVerdict(Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE,
                    "changed after signing in a way its permissions do not allow: " + String.join("; ", disallowed));
        }
        if (outcome.field().documentTimestamp()) {
            VerifiedTimestamp ts = outcome.timestamp();
            return new SignatureVerdict(ts.indication(), ts.subIndication(), ts.detail());
        }
        return SignatureVerdict.ofChain(outcome.chain(), outcome.validationTime());
    }

    private BaselineLevel level(SignatureOutcome outcome) {
        if (outcome.field().documentTimestamp() || !outcome.intact() || outcome.cms() == null
                || !SignatureVerifier.PADES.equals(outcome.field().subFilter()) || !outcome.cms().signingCertificateReference()) {
            return BaselineLevel.NONE;
        }
        long end = outcome.range().signedLength();
        List<SignatureOutcome> covering = documentTimestamps.stream()
                .filter(t -> validTimestamp(t) && t.range().signedLength() > end).toList();
        boolean timestamped = outcome.timestamp() != null && outcome.timestamp().valid() || !covering.isEmpty();
        if (!timestamped) {
            return BaselineLevel.B_B;
        }
        ValidationResult chain = outcome.chain();
        boolean embedded = !dss.isEmpty() && chain != null && !chain.revocation().isEmpty()
                && chain.revocation().stream().allMatch(f -> DssData.URL.equals(f.url()));
        if (!embedded) {
            return BaselineLevel.B_T;
        }
        boolean archived = dssOffset >= 0 && covering.stream().anyMatch(t -> t.range().signedLength() > dssOffset);
        return archived ? BaselineLevel.B_LTA : BaselineLevel.B_LT;
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
