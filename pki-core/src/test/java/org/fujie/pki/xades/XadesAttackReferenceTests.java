package org.fujie.pki.xades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fujie.pki.xades.XadesNames.DS;
import static org.fujie.pki.xades.XadesAttackWrappingTests.ENVELOPE;
import static org.fujie.pki.xades.XadesAttackWrappingTests.ORDER;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.transforms.params.XPath2FilterContainer;
import org.apache.xml.security.transforms.params.XPathContainer;
import org.fujie.pki.pdf.PdfTestPki;
import org.fujie.pki.validation.Indication;
import org.fujie.pki.validation.Purpose;
import org.fujie.pki.validation.SubIndication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * References and transforms Fujie refuses before Santuario dereferences or evaluates anything: URIs that would fetch
 * (HTTP, file, relative paths), XSLT and XPath beyond the enveloped forms, more references or transforms than the
 * limits, XPointers other than id() and "/". External names point at a local server that counts requests, and the
 * signatures over them are made over the very bytes a fetch would get: had anything been fetched, they would verify.
 */
class XadesAttackReferenceTests {

    private static final PdfTestPki PKI = XadesSignerTests.PKI;
    private static final HostileXml.Bait BAIT = bait();
    private static final String PASSWD_LINE = "root:x:";

    private static HostileXml.Bait bait() {
        try {
            return new HostileXml.Bait("fetched from the network");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopBait() {
        BAIT.close();
    }

    private static XmlReport verify(byte[] document) {
        return XadesVerifierTests.verifier(PKI).verify(document);
    }

    private static XadesVerifierSettings settings(int maxReferences, int maxTransforms, Set<String> schemes) {
        return new XadesVerifierSettings(64 * 1024 * 1024, 256, 50, maxReferences, maxTransforms, schemes, Purpose.DOCUMENT_SIGNING);
    }

    private static void assertRefused(XmlReport report, Indication indication, SubIndication subIndication, String detail) {
        assertThat(report.indication()).as(report.detail()).isEqualTo(indication);
        assertThat(report.subIndication()).as(report.detail()).isEqualTo(subIndication);
        assertThat(report.detail()).isEqualTo("signature S-1: " + detail);
        assertThat(report.toString()).doesNotContain(PASSWD_LINE);
    }

    /** A note signed together with data named by {@code uri}, the signature made over {@code content} as that data. */
    private static byte[] signedWithExternal(String uri, byte[] content) throws Exception {
        Document document = HostileXml.parse("<o:Envelope xmlns:o=\"" + ORDER + "\"><o:Note>see the attachment</o:Note></o:Envelope>");
        XMLSignature signature = HostileXml.newSignature(document);
        document.getDocumentElement().appendChild(signature.getElement());
        signature.addResourceResolver(new DetachedResolver(uri, content));
        HostileXml.addReference(signature, uri, null);
        HostileXml.sign(signature, PKI);
        return HostileXml.bytes(document);
    }

    @Test
    void verifyWhenReferenceIsHttpThenRefusedAndNothingFetched() throws Exception {
        String uri = BAIT.url("/attachment");
        byte[] signed = signedWithExternal(uri, BAIT.content);
        byte[] evil = signedWithExternal("http://evil.test/x", BAIT.content);
        XadesVerifier http = HostileXml.verifier(PKI, settings(30, 5, Set.of("http")));
        int before = BAIT.requests();

        XmlReport refused = verify(signed);
        XmlReport notGiven = http.verify(signed);
        XmlReport given = http.verify(signed, Map.of(uri, BAIT.content));

        assertRefused(refused, Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE, "the reference URI " + uri
                + " is not same-document, and its scheme is not accepted for detached data");
        assertRefused(verify(evil), Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE, "the reference URI http://evil.test/x"
                + " is not same-document, and its scheme is not accepted for detached data");
        // with the scheme accepted, an http URI only names detached data the caller gives; it is still not fetched
        assertRefused(notGiven, Indication.INDETERMINATE, SubIndication.SIGNED_DATA_NOT_FOUND, "the detached data '" + uri
                + "' was not given");
        assertThat(given.indication()).as("the signature is over the bait's bytes: %s", given.detail())
                .isEqualTo(Indication.TOTAL_PASSED);
        assertThat(BAIT.requests()).as("requests to the bait").isEqualTo(before);
    }

    /** Signed over the real /etc/passwd where it is readable: reading the file would make these verify. */
    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "FILE:/etc/passwd", "../../../../../../etc/passwd", "/etc/passwd", "//evil.test/x"})
    void verifyWhenReferenceNamesAFileOrPathThenNeverRead(String uri) throws Exception {
        Path passwd = Path.of("/etc/passwd");
        byte[] content = Files.isReadable(passwd) ? Files.readAllBytes(passwd)
                : "root:x:0:0:root:/root:/bin/sh\n".getBytes(StandardCharsets.UTF_8);
        byte[] signed = signedWithExternal(uri, content);
        boolean scheme = uri.regionMatches(true, 0, "file:", 0, 5);

        XadesVerifier files = HostileXml.verifier(PKI, settings(30, 5, Set.of("file")));

        XmlReport report = verify(signed);
        XmlReport fileScheme = files.verify(signed);
        XmlReport given = files.verify(signed, Map.of(uri, content));

        if (scheme) {
            assertRefused(report, Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE, "the reference URI " + uri
                    + " is not same-document, and its scheme is not accepted for detached data");
        } else {
            // a name without a scheme may name detached data, which only the caller gives
            assertRefused(report, Indication.INDETERMINATE, SubIndication.SIGNED_DATA_NOT_FOUND, "the detached data '" + uri
                    + "' was not given");
        }
        assertRefused(fileScheme, Indication.INDETERMINATE, SubIndication.SIGNED_DATA_NOT_FOUND, "the detached data '" + uri
                + "' was not given");
        assertThat(given.indication()).as("the signature is over the file's bytes: %s", given.detail())
                .isEqualTo(Indication.TOTAL_PASSED);
    }

    /** Santuario would fetch a RetrievalMethod only if asked for the key; Fujie takes the certificates in X509Data. */
    @Test
    void verifyWhenKeyInfoHasRetrievalMethodThenNotFollowed() {
        byte[] document = HostileXml.rewritten(ENVELOPE, d -> {
            Element method = HostileXml.appendElement(HostileXml.first(d, DS, "KeyInfo"), DS, "ds:RetrievalMethod");
            method.setAttributeNS(null, "URI", BAIT.url("/certificate"));
            method.setAttributeNS(null, "Type", "http://www.w3.org/2000/09/xmldsig#rawX509Certificate");
        });
        int before = BAIT.requests();

        XmlReport report = verify(document);

        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(BAIT.requests()).as("requests to the bait").isEqualTo(before);
    }

    static Stream<Arguments> insertedTransforms() {
        String xsl = "http://www.w3.org/1999/XSL/Transform";
        return Stream.of(
                Arguments.of("XSLT fetching with document()", "<ds:Transform xmlns:ds=\"" + DS + "\" Algorithm=\""
                        + TransformPolicy.XSLT + "\"><xsl:stylesheet xmlns:xsl=\"" + xsl + "\" version=\"1.0\"><xsl:template "
                        + "match=\"/\"><xsl:copy-of select=\"document('" + BAIT.url("/xslt") + "')\"/></xsl:template>"
                        + "</xsl:stylesheet></ds:Transform>", "XSLT transforms are refused"),
                Arguments.of("a stylesheet straight in ds:Transforms", "<xsl:stylesheet xmlns:xsl=\"" + xsl + "\" version=\"1.0\"/>",
                        "ds:Transforms holds something other than ds:Transform"),
                Arguments.of("the enveloped XPath with ds bound elsewhere", "<ds:Transform xmlns:ds=\"" + DS + "\" Algorithm=\""
                        + TransformPolicy.XPATH + "\"><dsig:XPath xmlns:dsig=\"" + DS + "\" xmlns:ds=\"urn:evil\">"
                        + "not(ancestor-or-self::ds:Signature)</dsig:XPath></ds:Transform>",
                        "XPath transforms are accepted only in the enveloped form not(ancestor-or-self::ds:Signature)"),
                Arguments.of("the decryption transform", "<ds:Transform xmlns:ds=\"" + DS + "\" Algorithm=\""
                        + "http://www.w3.org/2002/07/decrypt#XML\"/>",
                        "the transform http://www.w3.org/2002/07/decrypt#XML is not accepted"));
    }

    /**
     * Transforms put into the signed order's reference after signing: the SignedInfo no longer matches its value, but
     * the policy refuses them before either is computed (the detail says which check spoke), and nothing is fetched.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("insertedTransforms")
    void verifyWhenReferenceHasARefusedTransformThenRefusedBeforeEvaluation(String attack, String transform, String detail) {
        byte[] document = HostileXml.rewritten(ENVELOPE, d -> {
            Element transforms = HostileXml.first(HostileXml.first(d, DS, "Reference"), DS, "Transforms");
            transforms.insertBefore(d.importNode(HostileXml.parse(transform).getDocumentElement(), true), transforms.getFirstChild());
        });
        int before = BAIT.requests();

        XmlReport report = verify(document);

        assertRefused(report, Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE, detail);
        assertThat(BAIT.requests()).as("requests to the bait").isEqualTo(before);
    }

    /**
     * Genuinely signed: URI "" with an XPath that keeps only the order, or a Filter 2.0 intersect that keeps only the
     * payee. Santuario alone, secure validation on, accepts the second with the amount changed: "the whole document" is
     * not what was signed.
     */
    @Test
    void verifyWhenSignedWithAnArbitraryXPathThenRefused() throws Exception {
        byte[] xpath = signedOrderWith(document -> {
            XPathContainer container = new XPathContainer(document);
            container.setXPathNamespaceContext("o", ORDER);
            container.setXPath("ancestor-or-self::o:Order");
            Transforms transforms = new Transforms(document);
            transforms.addTransform(Transforms.TRANSFORM_XPATH, container.getElementPlusReturns());
            return transforms;
        });
        byte[] filter = signedOrderWith(document -> {
            XPath2FilterContainer container = XPath2FilterContainer.newInstanceIntersect(document, "//o:PayTo");
            container.setXPathNamespaceContext("o", ORDER);
            Transforms transforms = new Transforms(document);
            transforms.addTransform(Transforms.TRANSFORM_XPATH2FILTER, container.getElement());
            return transforms;
        });

        byte[] changed = XadesVerifierTests.replace(filter, "100.00", "1.00");
        Document parsed = HostileXml.parse(changed);

        assertThat(new XMLSignature(HostileXml.signature(parsed), "", true).checkSignatureValue(PKI.signer.x509()))
                .as("Santuario on the changed amount").isTrue();
        assertRefused(verify(xpath), Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE,
                "XPath transforms are accepted only in the enveloped form not(ancestor-or-self::ds:Signature)");
        assertRefused(verify(changed), Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE,
                "XPath Filter 2.0 is accepted only to subtract the signatures (/descendant::ds:Signature)");
    }

    @FunctionalInterface
    private interface TransformsOf {
        Transforms of(Document document) throws Exception;
    }

    /** The order envelope with a signature beside it whose one reference is URI "" with these transforms. */
    private static byte[] signedOrderWith(TransformsOf transforms) throws Exception {
        Document document = HostileXml.parse(ENVELOPE);
        Element old = HostileXml.signature(document);
        old.getParentNode().removeChild(old);
        XMLSignature signature = HostileXml.newSignature(document);
        document.getDocumentElement().appendChild(signature.getElement());
        HostileXml.addReference(signature, "", transforms.of(document));
        HostileXml.sign(signature, PKI);
        return HostileXml.bytes(document);
    }

    @Test
    void verifyWhenMoreReferencesOrTransformsThanTheLimitsThenRefused() throws Exception {
        Document document = HostileXml.parse(ENVELOPE);
        Element old = HostileXml.signature(document);
        old.getParentNode().removeChild(old);
        HostileXml.first(document, ORDER, "Order").setIdAttributeNS(null, "Id", true);
        XMLSignature signature = HostileXml.newSignature(document);
        document.getDocumentElement().appendChild(signature.getElement());
        HostileXml.addReference(signature, "#order", HostileXml.transforms(document, Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS,
                Transforms.TRANSFORM_C14N_OMIT_COMMENTS, Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS));
        HostileXml.addReference(signature, "#order", HostileXml.transforms(document, Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS));
        HostileXml.addReference(signature, "#order", HostileXml.transforms(document, Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS));
        HostileXml.sign(signature, PKI);
        byte[] signed = HostileXml.bytes(document);

        XmlReport defaults = verify(signed);
        XmlReport references = HostileXml.verifier(PKI, settings(2, 5, Set.of())).verify(signed);
        XmlReport transforms = HostileXml.verifier(PKI, settings(3, 2, Set.of())).verify(signed);

        // within Santuario's secure-validation limits (30 references, 5 transforms) the same signature verifies
        assertThat(defaults.indication()).as(defaults.detail()).isEqualTo(Indication.TOTAL_PASSED);
        // past the verifier's own limits it does not examine the signature: INDETERMINATE, not a verdict against it
        assertRefused(references, Indication.INDETERMINATE, SubIndication.FORMAT_FAILURE,
                "the SignedInfo holds 3 references, more than 2");
        assertRefused(transforms, Indication.INDETERMINATE, SubIndication.FORMAT_FAILURE, "a reference has 3 transforms, more than 2");
    }

    @Test
    void verifyWhenXPointerIdThenAccepted() throws Exception {
        Document document = HostileXml.parse(ENVELOPE);
        Element old = HostileXml.signature(document);
        old.getParentNode().removeChild(old);
        HostileXml.first(document, ORDER, "Order").setIdAttributeNS(null, "Id", true);
        XMLSignature signature = HostileXml.newSignature(document);
        document.getDocumentElement().appendChild(signature.getElement());
        HostileXml.addReference(signature, "#xpointer(id('order'))", HostileXml.transforms(document,
                Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS));
        HostileXml.sign(signature, PKI);

        XmlReport report = verify(HostileXml.bytes(document));

        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.signatures().get(0).signedScopes()).containsExactly("element /o:Envelope[1]/o:Order[1]");
    }

    /** The signed order's URI rewritten: refused by the policy before Santuario's XPointer resolver sees it. */
    @ParameterizedTest
    @ValueSource(strings = {"#xpointer(//*[@Id='order'])", "#xpointer(/o:Envelope/o:Order)", "#xpointer(id('order')/o:PayTo)",
            "#xmlns(o=urn:fujie:test:order)xpointer(id('order'))", "#element(/1/1)", "#xpointer(id('order'))xpointer(/)", "#"})
    void verifyWhenXPointerOtherThanIdOrRootThenRefused(String uri) {
        byte[] document = HostileXml.rewritten(ENVELOPE,
                d -> HostileXml.first(d, DS, "Reference").setAttributeNS(null, "URI", uri));

        XmlReport report = verify(document);

        assertRefused(report, Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE, "the reference URI " + uri
                + " is not a same-document ID (other XPointers are refused)");
    }
}
