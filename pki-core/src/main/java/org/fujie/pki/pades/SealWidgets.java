package org.fujie.pki.pades;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationRubberStamp;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * Where a visible seal is drawn. The first place is the signature field's own widget (what is seen is what is signed);
 * further places (the other slices of a cross-page seal) are locked stamp annotations added in the same revision, so
 * the one signature covers them too. Not more widgets of the one field: poppler before 25 takes a signature field with
 * kids for unsigned. Each place has an appearance stream drawing the image, or for a slice the image shifted left and
 * clipped by the stream's bounding box; the image is one XObject shared by all.
 */
final class SealWidgets {

    /** One place: its page (0-based), rectangle, and where the full image lies in the place's own coordinates. */
    private record Widget(int pageIndex, PDRectangle rectangle, float imageX, float imageWidth, float imageHeight) {
    }

    /** The signature widget's page (0-based, what PDFBox is told), rectangle and appearance, put on it once PDFBox made it. */
    record Prepared(int firstPage, PDRectangle rectangle, PDAppearanceDictionary appearance) {

        /** PDFBox blanks the widget of a signature added without a "visual signature" document: this draws the seal on it. */
        void applyTo(PDDocument document, PDSignature signature) throws IOException {
            PDSignatureField field = document.getSignatureFields().stream()
                    .filter(f -> f.getCOSObject().getDictionaryObject(COSName.V) == signature.getCOSObject())
                    .findFirst().orElseThrow(() -> new IOException("the new signature field was not found"));
            PDAnnotationWidget widget = field.getWidgets().get(0);
            widget.setRectangle(rectangle);
            widget.setPrinted(true);
            widget.setAppearance(appearance);
        }
    }

    private SealWidgets() {
    }

    static Prepared prepare(PDDocument document, SealAppearance appearance) throws IOException, PadesException {
        List<Widget> widgets = new ArrayList<>();
        for (Placement placement : appearance.placements()) {
            widgets.addAll(resolve(document, placement));
        }
        PDImageXObject image = SealImages.image(document, appearance.png());
        for (Widget widget : widgets.subList(1, widgets.size())) {
            PDAnnotationRubberStamp stamp = new PDAnnotationRubberStamp();
            stamp.setRectangle(widget.rectangle());
            stamp.setPrinted(true);
            stamp.setLocked(true);
            stamp.setLockedContents(true);
            stamp.setReadOnly(true);
            stamp.setAppearance(appearance(document, widget, image));
            PDPage page = document.getPage(widget.pageIndex());
            stamp.setPage(page);
            List<PDAnnotation> annotations = new ArrayList<>(page.getAnnotations());
            annotations.add(stamp);
            // A direct /Annots array, rewritten with the page, as PDFBox does for the signature's own page.
            page.setAnnotations(annotations);
            page.getCOSObject().setNeedToBeUpdated(true);
        }
        Widget first = widgets.get(0);
        return new Prepared(first.pageIndex(), first.rectangle(), appearance(document, first, image));
    }

    private static PDAppearanceDictionary appearance(PDDocument document, Widget widget, PDImageXObject image) throws IOException {
        PDAppearanceStream stream = new PDAppearanceStream(document);
        stream.setBBox(new PDRectangle(widget.rectangle().getWidth(), widget.rectangle().getHeight()));
        stream.setResources(new PDResources());
        try (PDPageContentStream content = new PDPageContentStream(document, stream)) {
            content.drawImage(image, widget.imageX(), 0, widget.imageWidth(), widget.imageHeight());
        }
        PDAppearanceDictionary dictionary = new PDAppearanceDictionary();
        dictionary.setNormalAppearance(stream);
        return dictionary;
    }

    private static List<Widget> resolve(PDDocument document, Placement placement) throws PadesException {
        if (placement instanceof Placement.At at) {
            return List.of(single(document, at));
        }
        return slices(document, (Placement.AcrossPages) placement);
    }

    private static Widget single(PDDocument document, Placement.At at) throws PadesException {
        PDRectangle crop = page(document, at.page()).getCropBox();
        if (at.x() + at.width() > crop.getWidth() || at.y() + at.height() > crop.getHeight()) {
            throw new PadesException("the seal at (" + at.x() + ", " + at.y() + ") size " + at.width() + "x" + at.height()
                    + " runs off page " + at.page() + " (" + crop.getWidth() + "x" + crop.getHeight() + ")");
        }
        return new Widget(at.page() - 1, new PDRectangle(crop.getLowerLeftX() + at.x(), crop.getLowerLeftY() + at.y(),
                at.width(), at.height()), 0, at.width(), at.height());
    }

    /** Slice i of n shows the image from i/n to (i+1)/n of its width, against the right edge of its page. */
    private static List<Widget> slices(PDDocument document, Placement.AcrossPages across) throws PadesException {
        int first = across.firstPage();
        int last = across.lastPage() == 0 ? document.getNumberOfPages() : across.lastPage();
        page(document, last);
        if (last <= first) {
            throw new PadesException("a cross-page seal needs at least two pages; the document has " + document.getNumberOfPages());
        }
        int count = last - first + 1;
        float slice = across.width() / count;
        List<Widget> slices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PDRectangle crop = page(document, first + i).getCropBox();
            if (across.y() + across.height() > crop.getHeight() || slice > crop.getWidth()) {
                throw new PadesException("the cross-page seal at height " + across.y() + " runs off page " + (first + i));
            }
            slices.add(new Widget(first + i - 1, new PDRectangle(crop.getUpperRightX() - slice, crop.getLowerLeftY() + across.y(),
                    slice, across.height()), -i * slice, across.width(), across.height()));
        }
        return slices;
    }

    private static PDPage page(PDDocument document, int page) throws PadesException {
        int pages = document.getNumberOfPages();
        if (page > pages) {
            throw new PadesException("page " + page + " does not exist; the document has " + pages);
        }
        return document.getPage(page - 1);
    }
}
