package org.fujie.seal.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fujie.seal.image.TestPngs.SIGNATURE;
import static org.fujie.seal.image.TestPngs.chunk;
import static org.fujie.seal.image.TestPngs.concat;
import static org.fujie.seal.image.TestPngs.ihdr;
import static org.fujie.seal.image.TestPngs.image;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PngImagesTests {

    private static final byte[] IEND = chunk("IEND", new byte[0]);
    private static final byte[] GARBAGE_IDAT = chunk("IDAT", new byte[] {1, 2, 3, 4, 5, 6, 7, 8});

    @Test
    void validateWhenRgbaPngThenReturnsItsSize() {
        byte[] png = image(120, 80, BufferedImage.TYPE_INT_ARGB, "png");

        assertThat(PngImages.validate(png)).isEqualTo(new ImageSize(120, 80));
    }

    @Test
    void validateWhenPaletteWithTransparencyThenAccepted() {
        byte[] reds = {0, (byte) 0xE6};
        byte[] zeros = {0, 0};
        byte[] alphas = {0, (byte) 0xFF};
        IndexColorModel palette = new IndexColorModel(1, 2, reds, zeros, zeros, alphas);
        BufferedImage indexed = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_BINARY, palette);

        assertThat(PngImages.validate(TestPngs.encode(indexed, "png"))).isEqualTo(new ImageSize(64, 64));
    }

    @Test
    void validateWhenJpegThenRefused() {
        byte[] jpeg = image(120, 80, BufferedImage.TYPE_INT_RGB, "jpeg");

        assertThatThrownBy(() -> PngImages.validate(jpeg)).isInstanceOf(InvalidPngException.class)
                .hasMessage("not a PNG image: the PNG signature is missing");
    }

    @Test
    void validateWhenTruncatedThenRefused() {
        byte[] png = image(120, 80, BufferedImage.TYPE_INT_ARGB, "png");
        byte[] truncated = Arrays.copyOf(png, png.length - 20);

        assertThatThrownBy(() -> PngImages.validate(truncated)).isInstanceOf(InvalidPngException.class)
                .hasMessageStartingWith("PNG is truncated");
        assertThatThrownBy(() -> PngImages.validate(Arrays.copyOf(png, 20)))
                .hasMessageStartingWith("PNG is truncated");
    }

    @Test
    void validateWhenRgbWithoutAlphaThenRefused() {
        byte[] rgb = image(120, 80, BufferedImage.TYPE_INT_RGB, "png");

        assertThatThrownBy(() -> PngImages.validate(rgb)).isInstanceOf(InvalidPngException.class)
                .hasMessage("PNG has no transparency (colour type 2 without a tRNS chunk):"
                        + " a seal image needs an alpha channel and a transparent background");
    }

    @Test
    void validateWhenHeaderClaimsHugeImageThenRefusedWithoutDecoding() {
        // A small file claiming 100000 x 100000 RGBA (40 GB once decoded); the IDAT is not even zlib.
        byte[] bomb = concat(SIGNATURE, ihdr(100_000, 100_000, 8, 6), GARBAGE_IDAT, IEND);

        assertThatThrownBy(() -> PngImages.validate(bomb)).isInstanceOf(InvalidPngException.class)
                .hasMessage("image is 100000 x 100000 pixels; each side must be 64 to 4096");
    }

    @Test
    void validateWhenSideOutOfRangeThenRefused() {
        assertThatThrownBy(() -> PngImages.validate(image(32, 100, BufferedImage.TYPE_INT_ARGB, "png")))
                .hasMessage("image is 32 x 100 pixels; each side must be 64 to 4096");
        byte[] wide = concat(SIGNATURE, ihdr(4097, 64, 8, 6), GARBAGE_IDAT, IEND);
        assertThatThrownBy(() -> PngImages.validate(wide)).hasMessageContaining("4097 x 64");
        byte[] negative = concat(SIGNATURE, ihdr(0xFFFF_FFFFL, 64, 8, 6), GARBAGE_IDAT, IEND);
        assertThatThrownBy(() -> PngImages.validate(negative)).hasMessageContaining("4294967295 x 64");
    }

    @Test
    void validateWhenTooManyBytesThenRefusedBeforeReading() {
        byte[] big = Arrays.copyOf(SIGNATURE, PngImages.MAX_BYTES + 1);

        assertThatThrownBy(() -> PngImages.validate(big))
                .hasMessage("image is 2097153 bytes; at most 2097152 (2 MB) are accepted");
    }

    @Test
    void validateWhenEmptyThenRefused() {
        assertThatThrownBy(() -> PngImages.validate(new byte[0])).hasMessage("no image: the upload is empty");
        assertThatThrownBy(() -> PngImages.validate(null)).isInstanceOf(InvalidPngException.class);
    }

    @Test
    void validateWhenChunkCrcWrongThenRefused() {
        byte[] png = image(120, 80, BufferedImage.TYPE_INT_ARGB, "png");
        png[8 + 8 + 3] ^= 1; // a bit of IHDR's width

        assertThatThrownBy(() -> PngImages.validate(png)).hasMessage("PNG is damaged: chunk IHDR fails its CRC check");
    }

    @Test
    void validateWhenImageDataIsNotZlibThenRefusedAsUndecodable() {
        byte[] png = concat(SIGNATURE, ihdr(64, 64, 8, 6), GARBAGE_IDAT, IEND);

        assertThatThrownBy(() -> PngImages.validate(png)).isInstanceOf(InvalidPngException.class)
                .hasMessageStartingWith("PNG could not be decoded");
    }

    @Test
    void validateWhenStructureIsWrongThenRefused() {
        byte[] png = image(120, 80, BufferedImage.TYPE_INT_ARGB, "png");

        assertThatThrownBy(() -> PngImages.validate(concat(png, new byte[] {0})))
                .hasMessage("PNG has data after its IEND chunk");
        assertThatThrownBy(() -> PngImages.validate(concat(SIGNATURE, chunk("tEXt", new byte[3]), IEND)))
                .hasMessage("PNG is damaged: it does not start with an IHDR chunk");
        assertThatThrownBy(() -> PngImages.validate(concat(SIGNATURE, ihdr(64, 64, 8, 6), IEND)))
                .hasMessage("PNG is damaged: it has no image data (IDAT)");
        assertThatThrownBy(() -> PngImages.validate(concat(SIGNATURE, ihdr(64, 64, 3, 6), GARBAGE_IDAT, IEND)))
                .hasMessageStartingWith("PNG is damaged: IHDR has colour type 6, bit depth 3");
    }
}
