package org.fujie.seal.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Checks an uploaded seal image. Everything that bounds the work (byte size, the chunk structure,
 * the dimensions in IHDR) is read from the bytes themselves before any decoder sees them, so that
 * a small file claiming a huge image (a decompression bomb) is refused without being decoded.
 */
public final class PngImages {

    public static final int MAX_BYTES = 2 * 1024 * 1024;
    public static final int MIN_SIDE = 64;
    public static final int MAX_SIDE = 4096;

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int IHDR_LENGTH = 13;

    static {
        Headless.ensure();
    }

    private PngImages() {
    }

    /**
     * @return the image's size, when it is a well-formed PNG within the limits, with an alpha
     *         channel or a tRNS chunk, and it decodes
     * @throws InvalidPngException saying why it is refused
     */
    /**
     * The size an image stored after {@link #validate} declares in its IHDR: no decoding, for the hot path of
     * stamping.
     */
    public static ImageSize storedSize(byte[] png) {
        if (png.length < SIGNATURE.length + 8 + IHDR_LENGTH || !hasSignature(png)) {
            throw new InvalidPngException("not a PNG image: the PNG signature is missing");
        }
        ByteBuffer ihdr = ByteBuffer.wrap(png, SIGNATURE.length + 8, 8);
        return new ImageSize(ihdr.getInt(), ihdr.getInt());
    }

    public static ImageSize validate(byte[] png) {
        if (png == null || png.length == 0) {
            throw new InvalidPngException("no image: the upload is empty");
        }
        if (png.length > MAX_BYTES) {
            throw new InvalidPngException(String.format(
                    "image is %d bytes; at most %d (2 MB) are accepted", png.length, MAX_BYTES));
        }
        if (!hasSignature(png)) {
            throw new InvalidPngException("not a PNG image: the PNG signature is missing");
        }
        Header header = readChunks(ByteBuffer.wrap(png, SIGNATURE.length, png.length - SIGNATURE.length));
        decode(png, header);
        return new ImageSize(header.width, header.height);
    }

    private static boolean hasSignature(byte[] png) {
        if (png.length < SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (png[i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    // Walks every chunk up to IEND, checking lengths and CRCs; IHDR's limits are checked as soon as it is read.
    private static Header readChunks(ByteBuffer in) {
        Header header = null;
        boolean transparency = false;
        boolean imageData = false;
        while (true) {
            if (in.remaining() < 12) {
                throw new InvalidPngException("PNG is truncated: it ends before its IEND chunk");
            }
            long length = Integer.toUnsignedLong(in.getInt());
            byte[] type = new byte[4];
            in.get(type);
            String name = new String(type, StandardCharsets.US_ASCII);
            if (length > in.remaining() - 4) {
                throw new InvalidPngException(String.format(
                        "PNG is truncated: chunk %s claims %d bytes, %d are left", name, length, in.remaining() - 4));
            }
            byte[] data = new byte[(int) length];
            in.get(data);
            if (in.getInt() != (int) crc(type, data)) {
                throw new InvalidPngException("PNG is damaged: chunk " + name + " fails its CRC check");
            }
            if (header == null) {
                if (!name.equals("IHDR") || length != IHDR_LENGTH) {
                    throw new InvalidPngException("PNG is damaged: it does not start with an IHDR chunk");
                }
                header = Header.parse(ByteBuffer.wrap(data));
                continue;
            }
            switch (name) {
                case "tRNS" -> transparency |= !imageData;
                case "IDAT" -> imageData = true;
                case "IEND" -> {
                    if (in.hasRemaining()) {
                        throw new InvalidPngException("PNG has data after its IEND chunk");
                    }
                    return header.requireContent(imageData, transparency);
                }
                default -> {
                    // Ancillary chunks (text, gamma, physical size) are left to the decoder.
                }
            }
        }
    }

    private static long crc(byte[] type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(data);
        return crc.getValue();
    }

    private static void decode(byte[] png, Header header) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
        if (!readers.hasNext()) {
            throw new IllegalStateException("no PNG decoder in this JVM");
        }
        ImageReader reader = readers.next();
        // In memory: ImageIO's default disk cache would leave temporary files behind on a server.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(png))) {
            reader.setInput(in, true, true);
            BufferedImage image = reader.read(0);
            if (image.getWidth() != header.width || image.getHeight() != header.height) {
                throw new InvalidPngException("PNG is damaged: it decodes to a size other than its header says");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidPngException invalid) {
                throw invalid;
            }
            throw new InvalidPngException("PNG could not be decoded: " + e.getMessage(), e);
        } finally {
            reader.dispose();
        }
    }

    /** What IHDR says, once it has been found within the limits. */
    private record Header(int width, int height, int bitDepth, int colourType) {

        static Header parse(ByteBuffer ihdr) {
            long width = Integer.toUnsignedLong(ihdr.getInt());
            long height = Integer.toUnsignedLong(ihdr.getInt());
            if (width < MIN_SIDE || width > MAX_SIDE || height < MIN_SIDE || height > MAX_SIDE) {
                throw new InvalidPngException(String.format(
                        "image is %d x %d pixels; each side must be %d to %d", width, height, MIN_SIDE, MAX_SIDE));
            }
            Header header = new Header((int) width, (int) height, ihdr.get() & 0xFF, ihdr.get() & 0xFF);
            int compression = ihdr.get();
            int filter = ihdr.get();
            int interlace = ihdr.get();
            if (!header.validDepth() || compression != 0 || filter != 0 || (interlace != 0 && interlace != 1)) {
                throw new InvalidPngException(String.format(
                        "PNG is damaged: IHDR has colour type %d, bit depth %d, compression %d, filter %d, interlace %d",
                        header.colourType, header.bitDepth, compression, filter, interlace));
            }
            return header;
        }

        // The combinations the PNG specification allows (table 11.1).
        private boolean validDepth() {
            return switch (colourType) {
                case 0 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8 || bitDepth == 16;
                case 3 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8;
                case 2, 4, 6 -> bitDepth == 8 || bitDepth == 16;
                default -> false;
            };
        }

        Header requireContent(boolean imageData, boolean transparency) {
            if (!imageData) {
                throw new InvalidPngException("PNG is damaged: it has no image data (IDAT)");
            }
            boolean alpha = colourType == 4 || colourType == 6 || transparency;
            if (!alpha) {
                throw new InvalidPngException(String.format(
                        "PNG has no transparency (colour type %d without a tRNS chunk):"
                                + " a seal image needs an alpha channel and a transparent background", colourType));
            }
            return this;
        }
    }
}
