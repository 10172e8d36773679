package org.fujie.pki.pades;

import java.io.IOException;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;

/**
 * Certification of a document by its first signature (ISO 32000-1 12.8.2.2, DocMDP): the signature's /Reference names
 * the DocMDP transform with the changes still permitted (P 1: none; 2: filling forms and signing; 3: also annotating),
 * and the catalog's /Perms points at the signature. A document certified with P 1 takes no further seal.
 */
final class Certification {

    private static final COSName DOC_MDP = COSName.getPDFName("DocMDP");
    private static final COSName PERMS = COSName.getPDFName("Perms");

    private Certification() {
    }

    /** Refuses what a certification forbids: certifying a signed document, or any seal on a P 1 document. */
    static void check(PDDocument document, Integer certify) throws PadesException, IOException {
        Integer existing = permission(document);
        if (existing != null && existing == 1) {
            throw new PadesException("the document is certified with no changes permitted (DocMDP P=1): it takes no further seal");
        }
        if (certify != null && !document.getSignatureDictionaries().isEmpty()) {
            throw new PadesException("only the first seal can certify a document; this one is already signed");
        }
    }

    static void certify(PDDocument document, PDSignature signature, int permission) {
        COSDictionary parameters = new COSDictionary();
        parameters.setItem(COSName.TYPE, COSName.getPDFName("TransformParams"));
        parameters.setInt(COSName.P, permission);
        parameters.setName(COSName.V, "1.2");
        COSDictionary reference = new COSDictionary();
        reference.setItem(COSName.TYPE, COSName.getPDFName("SigRef"));
        reference.setItem(COSName.getPDFName("TransformMethod"), DOC_MDP);
        reference.setItem(COSName.getPDFName("TransformParams"), parameters);
        parameters.setDirect(true);
        reference.setDirect(true);
        COSArray references = new COSArray();
        references.add(reference);
        signature.getCOSObject().setItem(COSName.getPDFName("Reference"), references);
        COSDictionary perms = new COSDictionary();
        perms.setItem(DOC_MDP, signature);
        document.getDocumentCatalog().getCOSObject().setItem(PERMS, perms);
    }

    /** The P of the document's certification, or null when it is not certified. */
    private static Integer permission(PDDocument document) {
        COSDictionary perms = document.getDocumentCatalog().getCOSObject().getCOSDictionary(PERMS);
        COSDictionary signature = perms == null ? null : perms.getCOSDictionary(DOC_MDP);
        COSArray references = signature == null ? null : signature.getCOSArray(COSName.getPDFName("Reference"));
        if (references == null) {
            return null;
        }
        for (COSBase item : references) {
            if ((item instanceof COSObject o ? o.getObject() : item) instanceof COSDictionary reference && DOC_MDP.equals(reference.getCOSName(COSName.getPDFName("TransformMethod")))) {
                COSDictionary parameters = reference.getCOSDictionary(COSName.getPDFName("TransformParams"));
                // ISO 32000-1 Table 254: P defaults to 2.
                return parameters == null ? 2 : parameters.getInt(COSName.P, 2);
            }
        }
        return null;
    }
}
