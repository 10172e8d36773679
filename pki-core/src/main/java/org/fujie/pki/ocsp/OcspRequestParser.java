package org.fujie.pki.ocsp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.Req;

/**
 * Parses untrusted OCSP requests (RFC 6960 4.1) with limits: total size, number of certificates
 * asked about, nonce length (RFC 8954: 1 to 32 octets). Request signatures are not required and
 * not checked: the answers are public.
 */
public final class OcspRequestParser {

    /** RFC 8954 2.1: a nonce of 1 to 32 octets. */
    private static final int MAX_NONCE = 32;

    private final int maxBytes;
    private final int maxCertificates;

    public OcspRequestParser(int maxBytes, int maxCertificates) {
        this.maxBytes = maxBytes;
        this.maxCertificates = maxCertificates;
    }

    public ParsedOcspRequest parse(byte[] der) throws OcspRequestException {
        if (der == null || der.length == 0) {
            throw new OcspRequestException("empty request");
        }
        if (der.length > maxBytes) {
            throw new OcspRequestException("request larger than " + maxBytes + " bytes");
        }
        OCSPReq request;
        try {
            request = new OCSPReq(der);
        } catch (IOException | RuntimeException e) {
            throw new OcspRequestException("not a DER OCSPRequest");
        }
        Req[] list;
        try {
            list = request.getRequestList();
        } catch (RuntimeException e) {
            throw new OcspRequestException("the request list cannot be read");
        }
        if (list.length == 0) {
            throw new OcspRequestException("the request asks about no certificate");
        }
        if (list.length > maxCertificates) {
            throw new OcspRequestException("at most " + maxCertificates + " certificates per request");
        }
        List<org.bouncycastle.cert.ocsp.CertificateID> ids = new ArrayList<>(list.length);
        for (Req single : list) {
            ids.add(single.getCertID());
        }
        return new ParsedOcspRequest(List.copyOf(ids), nonce(request));
    }

    private static byte[] nonce(OCSPReq request) throws OcspRequestException {
        Extension extension = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (extension == null) {
            return null;
        }
        byte[] value = extension.getExtnValue().getOctets();
        // The extension value is an OCTET STRING holding the nonce (RFC 8954); older clients put raw bytes.
        try {
            byte[] inner = ASN1OctetString.getInstance(value).getOctets();
            value = inner;
        } catch (RuntimeException notWrapped) {
            // raw nonce bytes, echoed as they came
        }
        if (value.length == 0 || value.length > MAX_NONCE) {
            throw new OcspRequestException("a nonce must have 1 to " + MAX_NONCE + " octets");
        }
        return extension.getExtnValue().getOctets();
    }
}
