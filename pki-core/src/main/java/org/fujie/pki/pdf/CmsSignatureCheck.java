package org.fujie.pki.pdf;

import java.util.Collection;
import java.util.List;

import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.fujie.pki.cms.CmsObjects;
import org.fujie.pki.cms.SignerCheck;
import org.fujie.pki.cms.SignerVerification;
import org.fujie.pki.validation.SubIndication;

/**
 * The CMS SignedData of a PDF signature (ETSI.CAdES.detached or adbe.pkcs7.detached): what a PDF adds to
 * the CMS check (/Contents padding, exactly one signer, content detached over the byte range) before
 * {@link SignerCheck} verifies the signer against our own digest of the raw bytes.
 */
final class CmsSignatureCheck {

    private CmsSignatureCheck() {
    }

    static SignerVerification verify(byte[] contents, byte[] file, ByteRange range) {
        byte[] der;
        CMSSignedData cms;
        try {
            der = withoutPadding(contents);
            cms = new CMSSignedData(der);
        } catch (CMSException | RuntimeException e) {
            return SignerVerification.failed(SubIndication.FORMAT_FAILURE, "/Contents is not a CMS SignedData", null, List.of());
        }
        List<java.security.cert.X509Certificate> certificates = CmsObjects.certificates(cms.getCertificates().getMatches(null));
        Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            return SignerVerification.failed(SubIndication.FORMAT_FAILURE, "the CMS has " + signers.size()
                    + " signers; a PDF signature has one", null, certificates);
        }
        if (cms.getSignedContent() != null) {
            return SignerVerification.failed(SubIndication.FORMAT_FAILURE,
                    "the CMS encapsulates content; a PDF signature is detached over the byte range", null, certificates);
        }
        return SignerCheck.verify(der, signers.iterator().next(), certificates, out -> range.writeTo(file, out));
    }

    /**
     * /Contents is padded with zeros after the DER SignedData (the space is reserved before signing); the
     * padding is cut by the outer DER length. Throws IllegalArgumentException when the length is unreadable.
     */
    static byte[] withoutPadding(byte[] contents) {
        if (contents.length < 2 || contents[0] != 0x30) {
            throw new IllegalArgumentException("not a DER SEQUENCE");
        }
        int first = contents[1] & 0xff;
        long length;
        int header;
        if (first < 0x80) {
            length = first;
            header = 2;
        } else {
            int octets = first & 0x7f;
            if (octets == 0 || octets > 4 || contents.length < 2 + octets) {
                throw new IllegalArgumentException("unsupported DER length");
            }
            length = 0;
            for (int i = 0; i < octets; i++) {
                length = length << 8 | contents[2 + i] & 0xff;
            }
            header = 2 + octets;
        }
        if (header + length > contents.length) {
            throw new IllegalArgumentException("the DER length runs past /Contents");
        }
        return java.util.Arrays.copyOf(contents, (int) (header + length));
    }
}
