package org.fujie.seal.stamp;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.fujie.pki.pades.KeywordLocator;
import org.fujie.pki.pades.PadesException;
import org.fujie.pki.pades.Placement;
import org.fujie.pki.pades.SealAppearance;
import org.fujie.seal.image.ImageSize;
import org.fujie.seal.image.PngImages;
import org.fujie.seal.problem.SealProblem;
import org.fujie.service.problem.FujieException;

/** Turns stamp options into the places the seal is drawn: page/x/y, each keyword occurrence, or across the pages. */
final class StampPlacements {

    /** 4.2 cm, the diameter of a common official seal, in points. */
    private static final float DEFAULT_WIDTH = 119f;

    /** US Letter and A4 are about this high; a cross-page seal without y sits near the middle of such a page. */
    private static final float MIDDLE_OF_A_PAGE = 360f;

    private StampPlacements() {
    }

    static SealAppearance of(StampDocument pdf, StampOptions options, byte[] png) {
        float width = options.width() == null ? DEFAULT_WIDTH : options.width();
        ImageSize size = PngImages.storedSize(png);
        float height = width * size.height() / size.width();
        try {
            if (options.isCrossPage()) {
                if (options.keyword() != null) {
                    throw new FujieException(SealProblem.STAMP_INVALID, "a cross-page seal sits at the right edge: give no keyword");
                }
                return new SealAppearance(List.of(new Placement.AcrossPages(options.page() == null ? 1 : options.page(),
                        options.lastPage() == null ? 0 : options.lastPage(), options.y() == null ? MIDDLE_OF_A_PAGE : options.y(),
                        width, height)), png);
            }
            if (options.keyword() != null) {
                return new SealAppearance(onKeyword(pdf, options, width, height), png);
            }
            if (options.page() == null || options.x() == null || options.y() == null) {
                throw new FujieException(SealProblem.STAMP_INVALID, "give page, x and y, a keyword, or crossPage");
            }
            return SealAppearance.at(options.page(), options.x(), options.y(), width, height, png);
        } catch (PadesException | IllegalArgumentException e) {
            throw new FujieException(SealProblem.STAMP_INVALID, e.getMessage());
        }
    }

    private static List<Placement> onKeyword(StampDocument pdf, StampOptions options, float width, float height) throws PadesException {
        List<KeywordLocator.Occurrence> found = pdf.find(options.keyword(), Boolean.TRUE.equals(options.everyOccurrence()));
        if (found.isEmpty()) {
            throw new FujieException(SealProblem.STAMP_INVALID, "the keyword is not in the document's text");
        }
        List<Placement> placements = new ArrayList<>();
        for (KeywordLocator.Occurrence at : found) {
            placements.add(new Placement.At(at.page(), Math.max(0, at.centreX() - width / 2), Math.max(0, at.centreY() - height / 2),
                    width, height));
        }
        return placements;
    }

    /** For the usage record: where the seal went, in words. */
    static String describe(SealAppearance appearance) {
        return appearance.placements().stream().map(StampPlacements::describe).collect(Collectors.joining("; "));
    }

    private static String describe(Placement placement) {
        if (placement instanceof Placement.At at) {
            return "page " + at.page() + " at (" + at.x() + ", " + at.y() + ") " + at.width() + "x" + at.height();
        }
        Placement.AcrossPages across = (Placement.AcrossPages) placement;
        return "across pages " + across.firstPage() + "-" + (across.lastPage() == 0 ? "last" : across.lastPage()) + " at height "
                + across.y() + " " + across.width() + "x" + across.height();
    }
}
