package org.fujie.seal.stamp;

import java.time.Instant;
import java.util.Locale;

import org.fujie.pki.cms.BaselineLevel;
import org.fujie.pki.xades.CommitmentType;
import org.fujie.pki.xades.SecureXml;
import org.fujie.pki.xades.XadesPackaging;
import org.fujie.pki.xades.XadesParameters;
import org.fujie.seal.problem.SealProblem;
import org.fujie.seal.seal.Seal;
import org.fujie.service.problem.FujieException;

/**
 * Stamp options for XML and other non-PDF data turned into XAdES parameters: enveloped for XML unless asked otherwise,
 * the seal naming itself as the signer's claimed role (its name, of its organization), and no page placement.
 */
final class XmlStamping {

    private XmlStamping() {
    }

    static XadesParameters parameters(Seal seal, StampOptions options, BaselineLevel level, byte[] head, String fileName,
            Instant now) {
        if (options.placesOnAPage()) {
            throw new FujieException(SealProblem.STAMP_INVALID, "page, x, y, width, keyword, cross-page and certify apply to PDF only");
        }
        boolean xml = SecureXml.looksLikeXml(head);
        XadesPackaging packaging = packaging(options.packaging(), xml);
        if (packaging == XadesPackaging.ENVELOPED && !xml) {
            throw new FujieException(SealProblem.STAMP_INVALID,
                    "neither a PDF nor XML: other data is sealed with packaging \"enveloping\" or \"detached\"");
        }
        CommitmentType commitment;
        try {
            commitment = options.commitment() == null ? null : CommitmentType.fromName(options.commitment());
        } catch (IllegalArgumentException e) {
            throw new FujieException(SealProblem.STAMP_INVALID, e.getMessage());
        }
        String role = seal.name() + " (" + seal.organization() + ")";
        String name = fileName == null || fileName.isBlank() ? "document" : fileName;
        return new XadesParameters(level, packaging, now, role, commitment, xml ? "text/xml" : "application/octet-stream", name);
    }

    private static XadesPackaging packaging(String value, boolean xml) {
        if (value == null) {
            return XadesPackaging.ENVELOPED;
        }
        try {
            return XadesPackaging.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FujieException(SealProblem.STAMP_INVALID, "packaging must be enveloped, enveloping or detached");
        }
    }
}
