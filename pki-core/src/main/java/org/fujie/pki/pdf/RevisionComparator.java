package org.fujie.pki.pdf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Compares the revision a signature covers with the final document, object by object through the
 * cross-reference tables (an object whose entry did not change is byte-for-byte the signed one), and
 * classifies each changed object: validation data (/DSS), signatures, form filling, annotations and metadata
 * may be allowed, by DocMDP P (ISO 32000-1 12.8.2.2; without DocMDP the rules of P=3); anything else (page
 * content, resources, fonts, the page tree, a replaced catalog, removed objects) changes what is shown and is
 * never allowed. This is what catches incremental saving and shadow attacks.
 */
final class RevisionComparator {

    private static final Set<COSName> CATALOG_ALLOWED = Set.of(COSName.getPDFName("DSS"), COSName.ACRO_FORM,
            COSName.getPDFName("Extensions"), COSName.METADATA);
    private static final Set<COSName> PAGE_ALLOWED = Set.of(COSName.ANNOTS);
    private static final Set<COSName> FORM_ALLOWED = Set.of(COSName.FIELDS, COSName.SIG_FLAGS,
            COSName.NEED_APPEARANCES);
    private static final Set<COSName> FILL_ALLOWED = Set.of(COSName.V, COSName.AP, COSName.AS);

    private final byte[] file;
    private final PDDocument document;
    private final PdfVerifierSettings settings;

    RevisionComparator(byte[] file, PDDocument document, PdfVerifierSettings settings) {
        this.file = file;
        this.document = document;
        this.settings = settings;
    }

    List<Modification> compare(long signedLength, Integer docMdp, FieldLock lock) {
        PDDocument signed;
        try {
            signed = PdfLoader.load(file, (int) signedLength, settings.maxParserMemoryBytes());
        } catch (PdfFormatException e) {
            return List.of(new Modification("revision", Modification.Kind.OTHER, false,
                    "the signed revision cannot be read: " + e.getMessage()));
        }
        try {
            return compare(signed, docMdp == null ? 3 : docMdp, lock);
        } finally {
            PdfLoader.close(signed);
        }
    }

    private List<Modification> compare(PDDocument signed, int p, FieldLock lock) {
        List<Modification> found = new ArrayList<>();
        COSDictionary oldTrailer = signed.getDocument().getTrailer();
        COSDictionary newTrailer = document.getDocument().getTrailer();
        if (!Objects.equals(CosObjects.key(oldTrailer.getItem(COSName.ROOT)), CosObjects.key(newTrailer.getItem(COSName.ROOT)))) {
            found.add(new Modification("trailer", Modification.Kind.OTHER, false, "the document catalog was replaced"));
        }
        Set<COSObjectKey> dss = CosObjects.reachable(document.getDocumentCatalog().getCOSObject().getItem(COSName.getPDFName("DSS")));
        Map<COSObjectKey, String> appearances = widgetAppearances();
        COSBase form = document.getDocumentCatalog().getCOSObject().getDictionaryObject(COSName.ACRO_FORM);
        Set<COSObjectKey> formResources = form instanceof COSDictionary f ? CosObjects.reachable(f.getItem(COSName.DR)) : Set.of();
        Map<COSObjectKey, Long> before = signed.getDocument().getXrefTable();
        Map<COSObjectKey, Long> after = document.getDocument().getXrefTable();
        for (Map.Entry<COSObjectKey, Long> entry : before.entrySet()) {
            if (entry.getValue() != null && entry.getValue() != 0 && !after.containsKey(entry.getKey())) {
                found.add(new Modification(name(entry.getKey()), Modification.Kind.OTHER, false, "object removed"));
            }
        }
        for (Map.Entry<COSObjectKey, Long> entry : after.entrySet()) {
            COSObjectKey key = entry.getKey();
            if (!before.containsKey(key) || Objects.equals(before.get(key), entry.getValue())) {
                continue; // new objects matter only where a changed object refers to them
            }
            COSBase oldObject = signed.getDocument().getObjectFromPool(key).getObject();
            COSBase newObject = document.getDocument().getObjectFromPool(key).getObject();
            if (CosObjects.equal(oldObject, newObject)) {
                continue;
            }
            if (appearances.containsKey(key) && !(newObject instanceof COSDictionary d && COSName.PAGE.equals(d.getCOSName(COSName.TYPE)))) {
                String field = appearances.get(key);
                boolean locked = lock != null && lock.locks(field);
                boolean allowed = p >= 2 && !locked;
                found.add(new Modification(name(key), allowed ? Modification.Kind.FORM_FILL : Modification.Kind.OTHER, allowed,
                        "appearance of form field " + field + " changed" + (locked ? " (the field is locked by the signature)" : "")));
                continue;
            }
            if (formResources.contains(key) && oldObject instanceof COSDictionary b && newObject instanceof COSDictionary a
                    && !(a instanceof COSStream) && b.keySet().stream().allMatch(k -> CosObjects.equal(b.getItem(k), a.getItem(k)))) {
                // Only additions (PDFBox adds /ZaDb when it fills a form); a changed font could re-shape signed text.
                found.add(new Modification(name(key), p >= 2 ? Modification.Kind.FORM_FILL : Modification.Kind.OTHER, p >= 2,
                        "form default resources extended: " + changedKeys(b, a).stream().map(COSName::getName).sorted().toList()));
                continue;
            }
            Modification modification = classify(key, oldObject, newObject, dss.contains(key), p);
            if (modification.kind() == Modification.Kind.FORM_FILL && lock != null && newObject instanceof COSDictionary field
                    && lock.locks(FieldLock.qualifiedName(field))) {
                modification = new Modification(modification.object(), Modification.Kind.OTHER, false, "form field "
                        + FieldLock.qualifiedName(field) + " is locked by the signature: " + modification.description());
            }
            found.add(modification);
        }
        return found;
    }

    private Modification classify(COSObjectKey key, COSBase oldObject, COSBase newObject, boolean inDss, int p) {
        String name = name(key);
        if (inDss) {
            return new Modification(name, Modification.Kind.VALIDATION_DATA, true, "validation data (DSS) updated");
        }
        if (!(oldObject instanceof COSDictionary before) || !(newObject instanceof COSDictionary after)
                || oldObject instanceof COSStream || newObject instanceof COSStream) {
            String what = oldObject instanceof COSStream ? "stream content changed" : "object changed";
            if (oldObject instanceof COSArray oldArray && newObject instanceof COSArray newArray && isAnnotsArray(key)) {
                return annotations(name, oldArray, newArray, p);
            }
            return new Modification(name, Modification.Kind.OTHER, false, what);
        }
        Set<COSName> changed = changedKeys(before, after);
        COSName type = after.getCOSName(COSName.TYPE);
        if (COSName.CATALOG.equals(type)) {
            return judged(name, Modification.Kind.VALIDATION_DATA, CATALOG_ALLOWED.containsAll(changed), "catalog", changed);
        }
        if (COSName.PAGE.equals(type)) {
            if (!PAGE_ALLOWED.containsAll(changed)) {
                return judged(name, Modification.Kind.OTHER, false, "page", changed);
            }
            COSBase oldAnnots = before.getDictionaryObject(COSName.ANNOTS);
            COSBase newAnnots = after.getDictionaryObject(COSName.ANNOTS);
            return annotations(name, oldAnnots instanceof COSArray a ? a : new COSArray(),
                    newAnnots instanceof COSArray b ? b : new COSArray(), p);
        }
        if (after.containsKey(COSName.FIELDS) && after.containsKey(COSName.SIG_FLAGS) || key.equals(acroFormKey())) {
            return judged(name, Modification.Kind.SIGNATURE, FORM_ALLOWED.containsAll(changed) && p >= 2, "form", changed);
        }
        boolean signatureField = COSName.SIG.equals(after.getCOSName(COSName.FT))
                || after.getCOSDictionary(COSName.PARENT) != null
                        && COSName.SIG.equals(after.getCOSDictionary(COSName.PARENT).getCOSName(COSName.FT));
        if (signatureField) {
            return judged(name, Modification.Kind.SIGNATURE, FILL_ALLOWED.containsAll(changed) && p >= 2
                    && !before.containsKey(COSName.V), "signature field", changed);
        }
        if (after.containsKey(COSName.FT) || COSName.WIDGET.equals(after.getCOSName(COSName.SUBTYPE))) {
            return judged(name, Modification.Kind.FORM_FILL, FILL_ALLOWED.containsAll(changed) && p >= 2, "form field", changed);
        }
        if (COSName.ANNOT.equals(type) || after.containsKey(COSName.RECT) && after.containsKey(COSName.SUBTYPE)) {
            return judged(name, Modification.Kind.ANNOTATION, p == 3, "annotation", changed);
        }
        if (key.equals(CosObjects.key(document.getDocument().getTrailer().getItem(COSName.INFO)))) {
            return new Modification(name, Modification.Kind.METADATA, true, "document information changed");
        }
        return judged(name, Modification.Kind.OTHER, false, "object", changed);
    }

    /**
     * A page's annotations changed: a removed one is never allowed (it can uncover signed content hidden under
     * it: the shadow "hide" attack); added ones are judged by kind: a signature widget needs P >= 2, any other
     * annotation or form field P = 3.
     */
    private Modification annotations(String name, COSArray before, COSArray after, int p) {
        Set<Object> old = new HashSet<>();
        for (COSBase item : before) {
            old.add(identity(item));
        }
        Set<Object> now = new HashSet<>();
        boolean allowed = true;
        List<String> what = new ArrayList<>();
        Modification.Kind kind = Modification.Kind.ANNOTATION;
        for (COSBase item : after) {
            now.add(identity(item));
            if (old.contains(identity(item))) {
                continue;
            }
            COSBase resolved = item instanceof COSObject o ? o.getObject() : item;
            boolean signatureWidget = resolved instanceof COSDictionary d && (COSName.SIG.equals(d.getCOSName(COSName.FT))
                    || d.getCOSDictionary(COSName.PARENT) != null
                            && COSName.SIG.equals(d.getCOSDictionary(COSName.PARENT).getCOSName(COSName.FT)));
            if (signatureWidget) {
                kind = Modification.Kind.SIGNATURE;
                allowed &= p >= 2;
                what.add("signature field added");
            } else {
                allowed &= p == 3;
                String subtype = resolved instanceof COSDictionary d ? d.getNameAsString(COSName.SUBTYPE) : null;
                what.add((subtype == null ? "annotation" : subtype + " annotation") + " added");
            }
        }
        for (Object item : old) {
            if (!now.contains(item)) {
                allowed = false;
                what.add("an annotation present when signed was removed");
            }
        }
        return new Modification(name, allowed ? kind : Modification.Kind.OTHER, allowed, "page annotations: " + what);
    }

    private static Object identity(COSBase item) {
        return item instanceof COSObject o && o.getKey() != null ? o.getKey() : item;
    }

    private static Modification judged(String name, Modification.Kind kind, boolean allowed, String what, Set<COSName> changed) {
        return new Modification(name, allowed ? kind : Modification.Kind.OTHER, allowed,
                what + " changed: " + changed.stream().map(COSName::getName).sorted().toList());
    }

    /**
     * The objects that make up the appearances (/AP) of widget annotations in the final document, each with its
     * field's name: filling a field rewrites them. Known gap: an appearance stream that page content also draws is not told apart.
     */
    private Map<COSObjectKey, String> widgetAppearances() {
        Map<COSObjectKey, String> owners = new java.util.HashMap<>();
        for (org.apache.pdfbox.pdmodel.PDPage page : document.getPages()) {
            if (!(page.getCOSObject().getDictionaryObject(COSName.ANNOTS) instanceof COSArray annots)) {
                continue;
            }
            for (COSBase item : annots) {
                COSBase annotation = item instanceof COSObject o ? o.getObject() : item;
                if (annotation instanceof COSDictionary d && COSName.WIDGET.equals(d.getCOSName(COSName.SUBTYPE))) {
                    String field = FieldLock.qualifiedName(d);
                    for (COSObjectKey key : CosObjects.reachable(d.getItem(COSName.AP))) {
                        owners.put(key, field);
                    }
                }
            }
        }
        return owners;
    }

    private COSObjectKey acroFormKey() {
        return CosObjects.key(document.getDocumentCatalog().getCOSObject().getItem(COSName.ACRO_FORM));
    }

    private boolean isAnnotsArray(COSObjectKey key) {
        for (org.apache.pdfbox.pdmodel.PDPage page : document.getPages()) {
            if (key.equals(CosObjects.key(page.getCOSObject().getItem(COSName.ANNOTS)))) {
                return true;
            }
        }
        return false;
    }

    private static Set<COSName> changedKeys(COSDictionary before, COSDictionary after) {
        Set<COSName> keys = new HashSet<>(before.keySet());
        keys.addAll(after.keySet());
        keys.removeIf(k -> CosObjects.equal(before.getItem(k), after.getItem(k)));
        return keys;
    }

    private static String name(COSObjectKey key) {
        return "object " + key.getNumber();
    }
}
