package org.fujie.pki.pdf;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/** Finds the signed signature fields of a document (through /AcroForm, as viewers do) and reads them as they are. */
final class SignatureFields {

    private static final COSName DOC_TIMESTAMP = COSName.getPDFName("DocTimeStamp");
    private static final COSName DOC_MDP = COSName.getPDFName("DocMDP");
    private static final COSName FIELD_MDP = COSName.getPDFName("FieldMDP");

    private SignatureFields() {
    }

    static List<SignatureField> read(PDDocument document, int max) throws PdfFormatException {
        PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
        List<SignatureField> found = new ArrayList<>();
        if (form == null) {
            return found;
        }
        for (PDField field : form.getFieldTree()) {
            if (!(field instanceof PDSignatureField)) {
                continue;
            }
            COSBase value = field.getCOSObject().getItem(COSName.V);
            COSBase resolved = value instanceof COSObject object ? object.getObject() : value;
            if (!(resolved instanceof COSDictionary signature)) {
                continue; // an empty signature field, not signed yet
            }
            if (found.size() == max) {
                throw new PdfFormatException("the document holds more than " + max + " signatures");
            }
            found.add(read(field.getFullyQualifiedName(), value instanceof COSObject o ? o.getKey() : null, signature,
                    FieldLock.read(field.getCOSObject().getCOSDictionary(COSName.getPDFName("Lock")))));
        }
        return found;
    }

    private static SignatureField read(String id, org.apache.pdfbox.cos.COSObjectKey key, COSDictionary signature,
            FieldLock fieldLock) {
        FieldLock lock = transform(signature, FIELD_MDP) != null ? FieldLock.read(transform(signature, FIELD_MDP)) : fieldLock;
        String subFilter = signature.getNameAsString(COSName.SUB_FILTER);
        boolean timestamp = DOC_TIMESTAMP.equals(signature.getCOSName(COSName.TYPE)) || "ETSI.RFC3161".equals(subFilter);
        COSBase contents = signature.getDictionaryObject(COSName.CONTENTS);
        return new SignatureField(id, key, subFilter, timestamp, byteRange(signature.getDictionaryObject(COSName.BYTERANGE)),
                contents instanceof COSString s ? s.getBytes() : null, claimedTime(signature), docMdp(signature), lock);
    }

    private static long[] byteRange(COSBase base) {
        if (!(base instanceof COSArray array) || array.size() != 4) {
            return null;
        }
        long[] range = new long[4];
        for (int i = 0; i < 4; i++) {
            if (!(array.getObject(i) instanceof org.apache.pdfbox.cos.COSInteger n)) {
                return null;
            }
            range[i] = n.longValue();
        }
        return range;
    }

    private static Instant claimedTime(COSDictionary signature) {
        try {
            Calendar date = signature.getDate(COSName.M);
            return date == null ? null : date.toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** P of the DocMDP transform (ISO 32000-1 12.8.2.2); a DocMDP transform without P means 2. */
    private static Integer docMdp(COSDictionary signature) {
        COSDictionary params = transform(signature, DOC_MDP);
        if (params == null) {
            return null;
        }
        int p = params.getInt(COSName.P, 2);
        return p < 1 || p > 3 ? 2 : p;
    }

    /** The TransformParams of the signature reference with this TransformMethod (an empty one when it has none). */
    private static COSDictionary transform(COSDictionary signature, COSName method) {
        if (!(signature.getDictionaryObject(COSName.REFERENCE) instanceof COSArray references)) {
            return null;
        }
        for (COSBase item : references) {
            COSBase ref = item instanceof COSObject o ? o.getObject() : item;
            if (ref instanceof COSDictionary reference && method.equals(reference.getCOSName(COSName.getPDFName("TransformMethod")))) {
                COSDictionary params = reference.getCOSDictionary(COSName.getPDFName("TransformParams"));
                return params != null ? params : new COSDictionary();
            }
        }
        return null;
    }
}
