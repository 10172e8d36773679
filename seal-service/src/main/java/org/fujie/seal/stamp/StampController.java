package org.fujie.seal.stamp;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.fujie.seal.problem.SealProblem;
import org.fujie.seal.seal.Actor;
import org.fujie.seal.seal.KeeperScope;
import org.fujie.seal.seal.SealService;
import org.fujie.service.problem.FujieException;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/seals/{id}/stamp} (multipart document and options: a PDF gets a PAdES seal, XML or other data a
 * XAdES one) and the usage listing.
 */
@RestController
class StampController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The XAdES signer's parsing limit (StampingConfiguration). */
    private static final int MAX_XML_BYTES = 32 * 1024 * 1024;

    private final SealStamper stamper;
    private final SealService seals;
    private final PdfStamping pdfs;

    StampController(SealStamper stamper, SealService seals) {
        this.stamper = stamper;
        this.seals = seals;
        this.pdfs = new PdfStamping(stamper);
    }

    @PostMapping("/api/v1/seals/{id}/stamp")
    void stamp(@PathVariable String id, @RequestPart("document") MultipartFile document,
            @RequestPart(name = "options", required = false) String options, Authentication caller, HttpServletResponse response)
            throws IOException {
        StampOptions parsed;
        try {
            parsed = options == null ? StampOptions.none() : JSON.readValue(options, StampOptions.class);
        } catch (JacksonException e) {
            throw new FujieException(SealProblem.STAMP_INVALID, "options is not the JSON of CONTRACT.md");
        }
        if (document.getSize() > PdfStamping.MAX_DOCUMENT_BYTES) {
            throw new FujieException(SealProblem.STAMP_INVALID, "the document is larger than " + PdfStamping.MAX_DOCUMENT_BYTES + " bytes");
        }
        if (parsed.isSes()) {
            stampSes(id, document, parsed, Actor.of(caller), response);
            return;
        }
        if (parsed.format() != null) {
            throw new FujieException(SealProblem.STAMP_INVALID, "format must be \"ses\" (a GB/T 38540 signature) or absent");
        }
        if (!PdfStamping.isPdf(document)) {
            stampXml(id, document, parsed, Actor.of(caller), response);
            return;
        }
        pdfs.stamp(id, document, parsed, Actor.of(caller), response, null);
    }

    /** XML, or other data sealed enveloping or detached: XAdES, in memory, so within the XML limit. */
    private void stampXml(String id, MultipartFile document, StampOptions options, Actor keeper, HttpServletResponse response)
            throws IOException {
        if (document.getSize() > MAX_XML_BYTES) {
            throw new FujieException(SealProblem.STAMP_INVALID, "XML and other data are sealed up to " + MAX_XML_BYTES + " bytes");
        }
        byte[] data;
        try (InputStream in = document.getInputStream()) {
            data = in.readNBytes(MAX_XML_BYTES + 1);
        }
        byte[] stamped = stamper.stampXml(id, data, document.getOriginalFilename(), options, keeper);
        response.setContentType(MediaType.APPLICATION_XML_VALUE);
        response.setContentLengthLong(stamped.length);
        response.getOutputStream().write(stamped);
    }

    /** Any document, streamed once through SM3 (what the signature signs) and SHA-256 (what the usage record keeps). */
    private void stampSes(String id, MultipartFile document, StampOptions options, Actor keeper, HttpServletResponse response)
            throws IOException {
        SM3Digest sm3 = new SM3Digest();
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = document.getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sm3.update(buffer, 0, n);
                sha256.update(buffer, 0, n);
            }
        }
        byte[] hash = new byte[sm3.getDigestSize()];
        sm3.doFinal(hash, 0);
        byte[] signature = stamper.stampSes(id, hash, HexFormat.of().formatHex(sha256.digest()), document.getOriginalFilename(),
                options, keeper);
        response.setContentType(MediaType.APPLICATION_OCTET_STREAM_VALUE);
        response.setContentLengthLong(signature.length);
        response.getOutputStream().write(signature);
    }

    /** A keeper reads the usage of its own seals only ({@link KeeperScope}). */
    @GetMapping("/api/v1/seals/{id}/usage")
    List<Usage> usage(@PathVariable String id, Authentication caller) {
        KeeperScope.readable(seals.get(id), caller);
        return stamper.usage(id);
    }
}
