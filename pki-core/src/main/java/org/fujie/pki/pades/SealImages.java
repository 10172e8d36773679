package org.fujie.pki.pades;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The seal's image as a PDF image XObject. PDFBox turns a PNG with transparency into an image by decoding it and
 * deflating the pixels and the alpha again, which costs far more than the signature; a seal stamps the same PNG over
 * and over, so the encoded streams are made once per image (by content) and copied into each document as they are.
 */
final class SealImages {

    private static final int CACHED_IMAGES = 64;

    /** An image stream as PDFBox encoded it: its dictionary (without /Length and /SMask), its raw bytes, its soft mask. */
    private record Encoded(COSDictionary dictionary, byte[] raw, Encoded softMask) {
    }

    private static final Map<String, Encoded> CACHE = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Encoded> eldest) {
            return size() > CACHED_IMAGES;
        }
    });

    private SealImages() {
    }

    static PDImageXObject image(PDDocument document, byte[] png) throws IOException {
        String key = sha256(png);
        Encoded encoded = CACHE.get(key);
        if (encoded == null) {
            try (PDDocument scratch = new PDDocument()) {
                encoded = encode(PDImageXObject.createFromByteArray(scratch, png, "seal.png").getCOSObject());
            }
            CACHE.put(key, encoded);
        }
        return new PDImageXObject(new org.apache.pdfbox.pdmodel.common.PDStream(stream(document, encoded)), null);
    }

    private static Encoded encode(COSStream stream) throws IOException {
        COSDictionary dictionary = new COSDictionary();
        for (Map.Entry<COSName, COSBase> entry : stream.entrySet()) {
            if (!entry.getKey().equals(COSName.LENGTH) && !entry.getKey().equals(COSName.SMASK)) {
                dictionary.setItem(entry.getKey(), copy(entry.getValue()));
            }
        }
        byte[] raw;
        try (InputStream in = stream.createRawInputStream()) {
            raw = in.readAllBytes();
        }
        Encoded softMask = stream.getDictionaryObject(COSName.SMASK) instanceof COSStream mask ? encode(mask) : null;
        return new Encoded(dictionary, raw, softMask);
    }

    private static COSStream stream(PDDocument document, Encoded encoded) throws IOException {
        COSStream stream = document.getDocument().createCOSStream();
        for (Map.Entry<COSName, COSBase> entry : encoded.dictionary().entrySet()) {
            stream.setItem(entry.getKey(), copy(entry.getValue()));
        }
        try (OutputStream out = stream.createRawOutputStream()) {
            out.write(encoded.raw());
        }
        if (encoded.softMask() != null) {
            stream.setItem(COSName.SMASK, stream(document, encoded.softMask()));
        }
        return stream;
    }

    /** A deep copy of the direct values an image dictionary holds (names, numbers, arrays, DecodeParms). */
    private static COSBase copy(COSBase value) throws IOException {
        COSBase base = value instanceof COSObject object ? object.getObject() : value;
        if (base instanceof COSStream) {
            throw new IOException("an image dictionary refers to a stream PDFBox did not make for a PNG");
        }
        if (base instanceof COSDictionary dictionary) {
            COSDictionary copy = new COSDictionary();
            for (Map.Entry<COSName, COSBase> entry : dictionary.entrySet()) {
                copy.setItem(entry.getKey(), copy(entry.getValue()));
            }
            return copy;
        }
        if (base instanceof COSArray array) {
            COSArray copy = new COSArray();
            for (COSBase item : array) {
                copy.add(copy(item));
            }
            return copy;
        }
        return base;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
