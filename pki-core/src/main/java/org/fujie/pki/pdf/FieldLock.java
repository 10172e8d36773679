package org.fujie.pki.pdf;

import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSString;

/**
 * The form fields a signature locks (ISO 32000-1 12.8.2.4 FieldMDP, and the signature field's /Lock,
 * 12.7.4.5): once signed, their values may not change.
 *
 * @param action All, Include or Exclude
 * @param fields fully qualified field names the action names
 */
record FieldLock(String action, Set<String> fields) {

    FieldLock {
        fields = Set.copyOf(fields);
    }

    boolean locks(String field) {
        return switch (action) {
            case "All" -> true;
            case "Include" -> fields.contains(field);
            case "Exclude" -> !fields.contains(field);
            default -> true; // an unknown action locks everything: the safe reading
        };
    }

    /** Reads a FieldMDP TransformParams or SigFieldLock dictionary; null when it has no /Action. */
    static FieldLock read(COSDictionary dictionary) {
        String action = dictionary == null ? null : dictionary.getNameAsString(COSName.getPDFName("Action"));
        if (action == null) {
            return null;
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        if (dictionary.getDictionaryObject(COSName.FIELDS) instanceof COSArray array) {
            for (COSBase item : array) {
                COSBase value = item instanceof COSObject o ? o.getObject() : item;
                if (value instanceof COSString s) {
                    names.add(s.getString());
                }
            }
        }
        return new FieldLock(action, names);
    }

    /** The fully qualified name of a field (or a widget merged with it), from /T up the /Parent chain. */
    static String qualifiedName(COSDictionary field) {
        StringBuilder name = new StringBuilder();
        COSDictionary current = field;
        for (int depth = 0; current != null && depth < 32; depth++) {
            String partial = current.getString(COSName.T);
            if (partial != null) {
                name.insert(0, name.length() == 0 ? partial : partial + ".");
            }
            current = current.getCOSDictionary(COSName.PARENT);
        }
        return name.toString();
    }
}
