package org.fujie.trust.tsa;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIFreeText;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.fujie.pki.tsp.TimeStampAuthority;
import org.fujie.pki.tsp.TimeStampOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 3161 over HTTP (section 3.4): POST application/timestamp-query, answer application/timestamp-reply.
 * Every answer is a TimeStampResp, rejections included; HTTP errors only for a wrong method or media type.
 * A plain servlet: at thousands of stamps a second nothing of Spring MVC is needed here.
 */
final class TsaServlet extends HttpServlet {

    static final String PATH = "/tsa";
    private static final Logger log = LoggerFactory.getLogger(TsaServlet.class);
    private static final String QUERY = "application/timestamp-query";
    private static final String REPLY = "application/timestamp-reply";
    /** Hard cap before any parsing; the authority's own limit (1 KiB by default) is applied after. */
    private static final int MAX_BODY = 16 * 1024;

    private final transient TsaSigners signers;

    TsaServlet(TsaSigners signers) {
        this.signers = signers;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith(QUERY)) {
            response.sendError(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "send " + QUERY);
            return;
        }
        byte[] body = readLimited(request);
        byte[] reply;
        TimeStampAuthority authority = signers.current().orElse(null);
        if (authority == null) {
            reply = rejection(PKIFailureInfo.systemFailure, "the TSA has no certificate yet; try again shortly");
        } else if (body == null) {
            response.setHeader("Connection", "close");
            reply = rejection(PKIFailureInfo.badRequest, "request larger than " + MAX_BODY + " bytes");
        } else {
            TimeStampOutcome outcome = authority.answer(body);
            if (!outcome.granted()) {
                log.debug("TSA: rejected a request: {}", outcome.statusString());
            }
            reply = outcome.response();
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(REPLY);
        response.setContentLength(reply.length);
        response.getOutputStream().write(reply);
    }

    private static byte[] readLimited(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        byte[] buffer = new byte[2048];
        try (InputStream in = request.getInputStream()) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (out.size() + read > MAX_BODY) {
                    return null;
                }
                out.write(buffer, 0, read);
            }
        }
        return out.toByteArray();
    }

    private static byte[] rejection(int failInfo, String text) {
        try {
            return new TimeStampResp(new PKIStatusInfo(PKIStatus.rejection, new PKIFreeText(text), new PKIFailureInfo(failInfo)), null)
                    .getEncoded("DER");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
