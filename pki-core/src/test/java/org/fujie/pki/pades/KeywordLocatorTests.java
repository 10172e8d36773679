package org.fujie.pki.pades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.fujie.pki.pdf.TestPdfs;
import org.junit.jupiter.api.Test;

class KeywordLocatorTests {

    @Test
    void findWhenKeywordShownThenItsCentreOnItsPage() throws Exception {
        // TestPdfs.page draws the text at (72, 700) in 18-point Helvetica on a Letter page.
        List<KeywordLocator.Occurrence> found = KeywordLocator.find(TestPdfs.page("Approved by the Bureau"), "Bureau", false);

        assertThat(found).hasSize(1);
        KeywordLocator.Occurrence bureau = found.get(0);
        assertThat(bureau.page()).isEqualTo(1);
        assertThat(bureau.centreX()).isBetween(200f, 300f);
        assertThat(bureau.centreY()).isBetween(700f, 715f);
    }

    @Test
    void findWhenKeywordAbsentOrBadThenNothingOrAReason() throws Exception {
        assertThat(KeywordLocator.find(TestPdfs.page("Approved"), "Bureau", true)).isEmpty();
        assertThatThrownBy(() -> KeywordLocator.find(TestPdfs.page("Approved"), " ", false)).isInstanceOf(PadesException.class);
        assertThatThrownBy(() -> KeywordLocator.find("no pdf".getBytes(), "x", false)).isInstanceOf(PadesException.class);
    }
}
