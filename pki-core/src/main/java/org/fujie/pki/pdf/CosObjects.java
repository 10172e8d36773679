package org.fujie.pki.pdf;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;

/** Comparing and walking PDF objects without decoding streams: raw stream bytes, references by object key. */
final class CosObjects {

    private CosObjects() {
    }

    /** Structural equality; indirect references are equal when they name the same object. */
    static boolean equal(COSBase a, COSBase b) {
        if (a instanceof COSObject x && b instanceof COSObject y) {
            return Objects.equals(x.getKey(), y.getKey());
        }
        if (a instanceof COSStream x && b instanceof COSStream y) {
            return sameDictionary(x, y) && java.util.Arrays.equals(raw(x), raw(y));
        }
        if (a instanceof COSDictionary x && b instanceof COSDictionary y) {
            return sameDictionary(x, y);
        }
        if (a instanceof COSArray x && b instanceof COSArray y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!equal(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    static boolean sameDictionary(COSDictionary x, COSDictionary y) {
        return x.keySet().equals(y.keySet()) && x.keySet().stream().allMatch(k -> equal(x.getItem(k), y.getItem(k)));
    }

    static byte[] raw(COSStream stream) {
        try (java.io.InputStream in = stream.createRawInputStream()) {
            return in.readNBytes(64 * 1024 * 1024);
        } catch (java.io.IOException e) {
            return new byte[0];
        }
    }

    static Set<COSObjectKey> reachable(COSBase start) {
        Set<COSObjectKey> keys = new HashSet<>();
        collect(start, keys, 0);
        return keys;
    }

    static void collect(COSBase base, Set<COSObjectKey> keys, int depth) {
        if (base == null || depth > 8) {
            return;
        }
        if (base instanceof COSObject object) {
            if (object.getKey() == null || !keys.add(object.getKey())) {
                return;
            }
            base = object.getObject();
        }
        if (base instanceof COSDictionary dictionary && !(base instanceof COSStream)) {
            for (COSBase value : dictionary.getValues()) {
                collect(value, keys, depth + 1);
            }
        } else if (base instanceof COSArray array) {
            for (COSBase value : array) {
                collect(value, keys, depth + 1);
            }
        }
    }

    static COSObjectKey key(COSBase base) {
        return base instanceof COSObject object ? object.getKey() : null;
    }
}
