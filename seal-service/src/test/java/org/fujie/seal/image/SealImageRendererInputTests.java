package org.fujie.seal.image;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class SealImageRendererInputTests {

    private final SealImageRenderer renderer = new SealImageRenderer();

    @Test
    void renderWhenOrganizationMissingThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> renderer.render(null, "公章", SealShape.ROUND))
                .withMessage("organization name is required");
        assertThatIllegalArgumentException().isThrownBy(() -> renderer.render(" \u3000", "公章", SealShape.ROUND))
                .withMessage("organization name is required");
    }

    @Test
    void renderWhenSealNameMissingThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> renderer.render("某局", "", SealShape.OVAL))
                .withMessage("seal name is required");
    }

    @Test
    void renderWhenOrganizationTooLongThenRefused() {
        String tooLong = "一二三四五六七八九十".repeat(2) + "一二三四五";
        assertThatIllegalArgumentException().isThrownBy(() -> renderer.render(tooLong, "公章", SealShape.ROUND))
                .withMessage("organization name has 25 characters; at most 24 fit on a seal");
    }

    @Test
    void renderWhenSealNameTooLongThenRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> renderer.render("某局", "合同专用章合同专用章合同章", SealShape.ROUND))
                .withMessage("seal name has 13 characters; at most 12 fit on a seal");
    }

    @Test
    void renderWhenSquareTextTooLongThenRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> renderer.render("北京市某某某某某某局", "合同专用章某某", SealShape.SQUARE))
                .withMessageContaining("at most 16 characters").withMessageContaining("was 17");
    }

    @Test
    void renderWhenSpacesInsideThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> renderer.render("北京 某局", "公章", SealShape.ROUND))
                .withMessage("organization name must not contain spaces or control characters");
        assertThatIllegalArgumentException().isThrownBy(() -> renderer.render("某局", "公\n章", SealShape.ROUND))
                .withMessage("seal name must not contain spaces or control characters");
    }

    @Test
    void renderWhenCharacterOutsideTheFontThenRefusedNamingIt() {
        // 喆 is in GBK but not in GB 2312, the subset shipped.
        assertThatIllegalArgumentException().isThrownBy(() -> renderer.render("北京喆某局", "公章", SealShape.ROUND))
                .withMessageStartingWith("organization name has a character the seal font cannot draw: '喆' (U+5586)"
                        + " at position 3");
        assertThatIllegalArgumentException().isThrownBy(() -> renderer.render("某局", "公章\uD83D\uDE00", SealShape.ROUND))
                .withMessageContaining("(U+1F600) at position 3");
    }

    @Test
    void renderWhenSizeOutOfRangeThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> renderer.render("某局", "公章", SealShape.ROUND, 99))
                .withMessage("seal size must be 100 to 2000 pixels, was 99");
        assertThatIllegalArgumentException().isThrownBy(() -> renderer.render("某局", "公章", SealShape.SQUARE, 2001))
                .withMessage("seal size must be 100 to 2000 pixels, was 2001");
    }

    @Test
    void renderWhenShapeMissingThenRefused() {
        assertThatNullPointerException().isThrownBy(() -> renderer.render("某局", "公章", null));
    }
}
