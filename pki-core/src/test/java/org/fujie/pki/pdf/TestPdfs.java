package org.fujie.pki.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Small PDFs for tests, written with PDFBox without compression so tests can find and change their bytes. */
public final class TestPdfs {

    private TestPdfs() {
    }

    /** One page showing the text. */
    public static byte[] page(String text) {
        return pages(1, text);
    }

    /** US Letter pages, each showing the text and its page number. */
    public static byte[] pages(int count, String text) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 1; i <= count; i++) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.OVERWRITE, false)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 18);
                    content.newLineAtOffset(72, 700);
                    content.showText(count == 1 ? text : text + " (page " + i + ")");
                    content.endText();
                }
            }
            document.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One page showing the text, with a white square annotation laid over it (what a shadow "hide" attack prepares). */
    static byte[] pageWithOverlay(String text) {
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(page(text)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationSquare square =
                    new org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationSquare();
            square.setRectangle(new org.apache.pdfbox.pdmodel.common.PDRectangle(60, 690, 400, 30));
            square.setInteriorColor(new org.apache.pdfbox.pdmodel.graphics.color.PDColor(new float[] {1, 1, 1},
                    org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB.INSTANCE));
            square.constructAppearances(document);
            document.getPage(0).getAnnotations().add(square);
            document.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One page with a text field "amount" holding the value. */
    static byte[] form(String value) {
        return form(value, false);
    }

    /**
     * With lockingSignatureField, also a text field "note" and an empty signature field "sig" whose /Lock
     * (ISO 32000-1 12.7.4.5) includes "amount": signing it locks that field and leaves "note" open.
     */
    static byte[] form(String value, boolean lockingSignatureField) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm form = new org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm(document);
            document.getDocumentCatalog().setAcroForm(form);
            org.apache.pdfbox.pdmodel.PDResources resources = new org.apache.pdfbox.pdmodel.PDResources();
            resources.put(org.apache.pdfbox.cos.COSName.getPDFName("Helv"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
            form.setDefaultResources(resources);
            form.setDefaultAppearance("/Helv 12 Tf 0 g");
            org.apache.pdfbox.pdmodel.interactive.form.PDTextField field = new org.apache.pdfbox.pdmodel.interactive.form.PDTextField(form);
            field.setPartialName("amount");
            field.setDefaultAppearance("/Helv 12 Tf 0 g");
            org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget widget = field.getWidgets().get(0);
            widget.setRectangle(new org.apache.pdfbox.pdmodel.common.PDRectangle(72, 600, 200, 20));
            widget.setPage(page);
            page.getAnnotations().add(widget);
            form.getFields().add(field);
            field.setValue(value);
            if (lockingSignatureField) {
                org.apache.pdfbox.pdmodel.interactive.form.PDTextField note = new org.apache.pdfbox.pdmodel.interactive.form.PDTextField(form);
                note.setPartialName("note");
                note.setDefaultAppearance("/Helv 12 Tf 0 g");
                note.getWidgets().get(0).setRectangle(new org.apache.pdfbox.pdmodel.common.PDRectangle(72, 560, 200, 20));
                note.getWidgets().get(0).setPage(page);
                page.getAnnotations().add(note.getWidgets().get(0));
                form.getFields().add(note);
                note.setValue("none");
                org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField signature =
                        new org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField(form);
                signature.setPartialName("sig");
                signature.getWidgets().get(0).setRectangle(new org.apache.pdfbox.pdmodel.common.PDRectangle(300, 100, 150, 50));
                signature.getWidgets().get(0).setPage(page);
                page.getAnnotations().add(signature.getWidgets().get(0));
                form.getFields().add(signature);
                org.apache.pdfbox.cos.COSDictionary lock = new org.apache.pdfbox.cos.COSDictionary();
                lock.setName(org.apache.pdfbox.cos.COSName.TYPE, "SigFieldLock");
                lock.setName(org.apache.pdfbox.cos.COSName.getPDFName("Action"), "Include");
                org.apache.pdfbox.cos.COSArray names = new org.apache.pdfbox.cos.COSArray();
                names.add(new org.apache.pdfbox.cos.COSString("amount"));
                lock.setItem(org.apache.pdfbox.cos.COSName.FIELDS, names);
                signature.getCOSObject().setItem(org.apache.pdfbox.cos.COSName.getPDFName("Lock"), lock);
            }
            document.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The offset of the first occurrence of the ASCII text, -1 when absent. */
    public static int indexOf(byte[] file, String text) {
        return indexOf(file, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Where the bytes first stand in the file, or -1. */
    public static int indexOf(byte[] file, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= file.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (file[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    /** Pages each holding an incompressible 1000 x 1000 image (about 3 MB a page), written straight to the file. */
    public static java.nio.file.Path large(java.nio.file.Path file, int pages) throws IOException {
        java.util.Random random = new java.util.Random(42);
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                java.awt.image.BufferedImage noise = new java.awt.image.BufferedImage(1000, 1000, java.awt.image.BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 1000; y++) {
                    for (int x = 0; x < 1000; x++) {
                        noise.setRGB(x, y, random.nextInt());
                    }
                }
                org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject image = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(document, noise);
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(image, 50, 250, 500, 500);
                }
            }
            document.save(file.toFile());
        }
        return file;
    }
}
