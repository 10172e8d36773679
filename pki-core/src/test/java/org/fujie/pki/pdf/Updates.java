package org.fujie.pki.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;

/** Incremental updates appended to signed documents with PDFBox, as an attacker (or a reviewer) would. */
final class Updates {

    private Updates() {
    }

    interface Change {
        void apply(PDDocument document) throws IOException;
    }

    static byte[] append(byte[] signed, Change change) {
        try (PDDocument document = Loader.loadPDF(signed); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.apply(document);
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Incremental saving attack: the page gets a new content stream showing other text. */
    static void newPageContent(PDDocument document, String text) throws IOException {
        PDPage page = document.getPage(0);
        COSStream stream = document.getDocument().createCOSStream();
        try (OutputStream out = stream.createOutputStream()) {
            out.write(("BT /F1 18 Tf 72 700 Td (" + text + ") Tj ET").getBytes(StandardCharsets.US_ASCII));
        }
        page.getCOSObject().setItem(COSName.CONTENTS, stream);
        page.getCOSObject().setNeedToBeUpdated(true);
        document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        document.getPages().getCOSObject().setNeedToBeUpdated(true);
    }

    /** Shadow attack (hide-and-replace): the signed content stream object itself gets a new version. */
    static void overwriteContentObject(PDDocument document, String text) throws IOException {
        PDPage page = document.getPage(0);
        COSStream stream = (COSStream) page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
        try (OutputStream out = stream.createOutputStream()) {
            out.write(("BT /F1 18 Tf 72 700 Td (" + text + ") Tj ET").getBytes(StandardCharsets.US_ASCII));
        }
        stream.setNeedToBeUpdated(true);
        page.getCOSObject().setNeedToBeUpdated(true);
        document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        document.getPages().getCOSObject().setNeedToBeUpdated(true);
    }

    /** Shadow attack (hide): the annotation that covered signed content is taken away. */
    static void removeAnnotations(PDDocument document) throws IOException {
        PDPage page = document.getPage(0);
        page.setAnnotations(new java.util.ArrayList<>());
        page.getCOSObject().setNeedToBeUpdated(true);
        document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        document.getPages().getCOSObject().setNeedToBeUpdated(true);
    }

    /** Form filling: the text field "amount" gets a new value (and PDFBox a new appearance). */
    static void fill(PDDocument document, String value) throws IOException {
        fill(document, "amount", value);
    }

    static void fill(PDDocument document, String name, String value) throws IOException {
        org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm form = document.getDocumentCatalog().getAcroForm();
        org.apache.pdfbox.pdmodel.interactive.form.PDField field = form.getField(name);
        field.setValue(value);
        field.getCOSObject().setNeedToBeUpdated(true);
        for (var widget : field.getWidgets()) {
            widget.getCOSObject().setNeedToBeUpdated(true);
            if (widget.getAppearance() != null) {
                widget.getAppearance().getCOSObject().setNeedToBeUpdated(true);
                widget.getAppearance().getNormalAppearance().getAppearanceStream().getCOSObject().setNeedToBeUpdated(true);
            }
        }
        form.getCOSObject().setNeedToBeUpdated(true);
        document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
    }

    /** A reviewer's sticky note: allowed after an approval signature (no DocMDP, so the rules of P=3). */
    static void addNote(PDDocument document) throws IOException {
        PDPage page = document.getPage(0);
        PDAnnotationText note = new PDAnnotationText();
        note.setRectangle(new PDRectangle(100, 100, 20, 20));
        note.setContents("Checked");
        page.getAnnotations().add(note);
        page.getCOSObject().setNeedToBeUpdated(true);
        document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        document.getPages().getCOSObject().setNeedToBeUpdated(true);
    }
}
