package org.fujie.seal.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.awt.Font;
import java.awt.Rectangle;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SealFontTests {

    private static final Charset GB2312 = Charset.forName("GB2312");
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    @Test
    void fontWhenLoadedThenItIsTheShippedNotoSerifSc() {
        Font font = SealFont.font();

        assertThat(font.getFamily()).isEqualTo("Noto Serif SC");
        assertThat(font.getFontName()).isEqualTo("Noto Serif SC Bold");
    }

    @Test
    void fontWhenChineseThenGlyphOutlineIsNotEmpty() {
        Font font = SealFont.font().deriveFont(100f);

        assertThat(font.canDisplay('局')).isTrue();
        Rectangle bounds = font.createGlyphVector(FRC, "局").getOutline().getBounds();
        assertThat(bounds.isEmpty()).isFalse();
        assertThat(bounds.width).isGreaterThan(50);
        assertThat(bounds.height).isGreaterThan(50);
    }

    @Test
    void fontWhenLoadedThenItCoversAllOfGb2312AndAscii() {
        Font font = SealFont.font();
        List<String> missing = new ArrayList<>();
        for (int hi = 0xA1; hi <= 0xF7; hi++) {
            for (int lo = 0xA1; lo <= 0xFE; lo++) {
                // Java decodes the code points GB 2312 leaves unassigned to two U+FFFD.
                String c = new String(new byte[] {(byte) hi, (byte) lo}, GB2312);
                if (c.indexOf('\uFFFD') < 0 && !font.canDisplay(c.codePointAt(0))) {
                    missing.add(c);
                }
            }
        }
        for (char c = 0x20; c < 0x7F; c++) {
            if (!font.canDisplay(c)) {
                missing.add(String.valueOf(c));
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void requireDisplayableWhenCharacterMissingThenNamesIt() {
        // 𠀀 (U+20000, CJK Extension B) lies outside the subset; the position counts characters, not chars.
        assertThatIllegalArgumentException().isThrownBy(() -> SealFont.requireDisplayable("𠀀某局𠀀", "seal name"))
                .withMessage("seal name has a character the seal font cannot draw: '𠀀' (U+20000) at position 1;"
                        + " the font covers GB 2312 and ASCII");
        assertThatIllegalArgumentException().isThrownBy(() -> SealFont.requireDisplayable("某𠀀", "x"))
                .withMessageContaining("at position 2");
    }

    @Test
    void fontWhenShippedThenItsLicenceIsBesideIt() throws IOException {
        try (InputStream in = SealFont.class.getResourceAsStream("font/OFL.txt")) {
            assertThat(in).isNotNull();
            String licence = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(licence).contains("SIL OPEN FONT LICENSE Version 1.1").contains("Adobe");
        }
    }
}
