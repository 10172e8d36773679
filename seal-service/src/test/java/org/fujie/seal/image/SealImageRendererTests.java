package org.fujie.seal.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fujie.seal.image.SealPixels.alpha;
import static org.fujie.seal.image.SealPixels.decode;
import static org.fujie.seal.image.SealPixels.isRed;
import static org.fujie.seal.image.SealPixels.redIn;
import static org.fujie.seal.image.SealPixels.redInSector;
import static org.fujie.seal.image.SealPixels.save;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SealImageRendererTests {

    private static final String ORG = "北京市某某局";
    private final SealImageRenderer renderer = new SealImageRenderer();

    @Test
    void renderWhenRoundThenStarAndBorderAreRed() {
        byte[] png = renderer.render(ORG, "合同专用章", SealShape.ROUND);
        save(png, "round.png");
        BufferedImage image = decode(png);

        assertThat(image.getWidth()).isEqualTo(SealImageRenderer.DEFAULT_SIZE);
        assertThat(image.getHeight()).isEqualTo(SealImageRenderer.DEFAULT_SIZE);
        // The star: its middle, and up its top point; the border at top, bottom, left and right.
        assertThat(isRed(image, 200, 200)).isTrue();
        assertThat(isRed(image, 200, 200 - 50)).isTrue();
        assertThat(isRed(image, 200, 5)).isTrue();
        assertThat(isRed(image, 200, 394)).isTrue();
        assertThat(isRed(image, 5, 200)).isTrue();
        assertThat(isRed(image, 394, 200)).isTrue();
        // Between the star's points there is nothing.
        assertThat(alpha(image, 200 - 45, 200 - 45)).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = SealShape.class, names = {"ROUND", "OVAL"})
    void renderWhenRoundOrOvalThenCornersAreTransparent(SealShape shape) {
        BufferedImage image = decode(renderer.render(ORG, "公章", shape));

        int right = image.getWidth() - 1;
        int bottom = image.getHeight() - 1;
        for (int[] corner : new int[][] {{0, 0}, {right, 0}, {0, bottom}, {right, bottom}, {20, 20}}) {
            assertThat(alpha(image, corner[0], corner[1])).as("alpha at %s,%s", corner[0], corner[1]).isZero();
        }
        assertThat(image.getColorModel().hasAlpha()).isTrue();
    }

    @Test
    void renderWhenRoundThenOrganizationIsSpreadOverTheUpperArc() {
        BufferedImage image = decode(renderer.render(ORG, "公章", SealShape.ROUND));

        // Six characters over 240 degrees: each 40-degree slot of the text ring has ink.
        for (int slot = -120; slot < 120; slot += 40) {
            assertThat(redInSector(image, 0.60, 0.86, slot, slot + 40)).as("slot from %s degrees", slot)
                    .isGreaterThan(300);
        }
        // Below the arc's ends the ring has no text (公章 itself reaches to 20 degrees either side of the bottom).
        assertThat(redInSector(image, 0.60, 0.86, 125, 160)).isZero();
        assertThat(redInSector(image, 0.60, 0.86, -160, -125)).isZero();
    }

    @Test
    void renderWhenOrganizationIsShortThenItStaysNearTheTop() {
        BufferedImage image = decode(renderer.render("某局", "公章", SealShape.ROUND));

        assertThat(redInSector(image, 0.60, 0.86, -40, 40)).isGreaterThan(600);
        assertThat(redInSector(image, 0.60, 0.86, -120, -60)).isZero();
        assertThat(redInSector(image, 0.60, 0.86, 60, 120)).isZero();
    }

    @Test
    void renderWhenRoundThenSealNameIsAcrossBelowTheStar() {
        BufferedImage longName = decode(renderer.render(ORG, "合同专用章", SealShape.ROUND));
        BufferedImage shortName = decode(renderer.render(ORG, "公章", SealShape.ROUND));

        // The name's strip (centred 0.56 of the radius below the middle) has ink; five characters reach wider.
        assertThat(redIn(longName, 150, 290, 250, 335)).isGreaterThan(600);
        assertThat(redIn(longName, 80, 290, 120, 335)).isGreaterThan(100);
        assertThat(redIn(shortName, 80, 290, 120, 335)).isZero();
        // Nothing between the star and the name.
        assertThat(redIn(longName, 120, 262, 280, 282)).isZero();
    }

    @Test
    void renderWhenOvalThenEllipseIsSevenTenthsAsHigh() {
        byte[] png = renderer.render(ORG, "财务专用章", SealShape.OVAL);
        save(png, "oval.png");
        BufferedImage image = decode(png);

        assertThat(image.getWidth()).isEqualTo(400);
        assertThat(image.getHeight()).isEqualTo(280);
        assertThat(isRed(image, 200, 140)).isTrue();
        assertThat(isRed(image, 200, 3)).isTrue();
        assertThat(isRed(image, 200, 276)).isTrue();
        assertThat(isRed(image, 3, 140)).isTrue();
        assertThat(isRed(image, 396, 140)).isTrue();
        // The text reaches the arc's ends on the left and right.
        assertThat(redIn(image, 30, 60, 110, 140)).isGreaterThan(300);
        assertThat(redIn(image, 290, 60, 370, 140)).isGreaterThan(300);
    }

    @Test
    void renderWhenSquareThenBorderAndFourCellsAreRed() {
        byte[] png = renderer.render("张三", "之印", SealShape.SQUARE, 300);
        save(png, "square.png");
        BufferedImage image = decode(png);

        assertThat(image.getWidth()).isEqualTo(300);
        assertThat(isRed(image, 0, 0)).isTrue();
        assertThat(isRed(image, 150, 4)).isTrue();
        assertThat(isRed(image, 4, 150)).isTrue();
        assertThat(isRed(image, 295, 295)).isTrue();
        for (int[] cell : new int[][] {{40, 40}, {160, 40}, {40, 160}, {160, 160}}) {
            assertThat(redIn(image, cell[0], cell[1], cell[0] + 100, cell[1] + 100)).isGreaterThan(500);
        }
        // Between border and characters the padding stays clear.
        assertThat(alpha(image, 150, 22)).isZero();
    }

    @Test
    void renderWhenSquareThenFirstCharacterIsTopRight() {
        BufferedImage a = decode(renderer.render("一二", "三四", SealShape.SQUARE, 300));
        BufferedImage b = decode(renderer.render("二一", "三四", SealShape.SQUARE, 300));

        // 一 (one stroke) has less ink than 二 (two): it sits in the top right cell, read first.
        assertThat(redIn(a, 160, 40, 260, 140)).isLessThan(redIn(b, 160, 40, 260, 140));
        assertThat(redIn(a, 160, 160, 260, 260)).isGreaterThan(redIn(b, 160, 160, 260, 260));
    }

    @Test
    void renderWhenLargerSizeThenImageIsThatLarge() {
        BufferedImage image = decode(renderer.render(ORG, "公章", SealShape.ROUND, 1000));

        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(isRed(image, 500, 500)).isTrue();
        assertThat(isRed(image, 500, 10)).isTrue();
    }

    @Test
    void renderWhenLongestOrganizationThenEveryCharacterHasInk() {
        String longest = "中华人民共和国国家市场监督管理总局某某司某某处";
        byte[] png = renderer.render(longest, "合同专用章", SealShape.ROUND);
        save(png, "round-long.png");
        BufferedImage image = decode(png);

        for (int slot = -120; slot < 120; slot += 10) {
            assertThat(redInSector(image, 0.60, 0.90, slot, slot + 10)).as("slot from %s degrees", slot)
                    .isGreaterThan(20);
        }
    }

    @Test
    void renderWhenRenderedThenOutputPassesTheUploadCheck() {
        for (SealShape shape : SealShape.values()) {
            byte[] png = renderer.render("某局", "公章", shape);
            assertThat(PngImages.validate(png).width()).isEqualTo(400);
        }
    }

    @Test
    void renderWhenNamesHaveOuterBlanksThenTheyAreDropped() {
        byte[] padded = renderer.render("  " + ORG + " ", "\t公章 ", SealShape.ROUND);
        byte[] plain = renderer.render(ORG, "公章", SealShape.ROUND);

        assertThat(padded).isEqualTo(plain);
    }
}
