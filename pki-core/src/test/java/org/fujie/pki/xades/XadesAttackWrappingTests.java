package org.fujie.pki.xades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fujie.pki.xades.XadesNames.DS;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.fujie.pki.TestCertificates;
import org.fujie.pki.TestCertificates.Issued;
import org.fujie.pki.cms.BaselineLevel;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.pdf.PdfTestPki;
import org.fujie.pki.validation.Indication;
import org.fujie.pki.validation.SubIndication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * XML Signature wrapping (XSW) against two signatures that sign an element by ID: a SAML-like assertion with an enveloped
 * signature (reference "#a1", after the XSW shapes of Somorovsky et al., "On Breaking SAML", 2012), and an order signed
 * by a signature beside it (reference "#order", no enveloped transform). A wrapping keeps the signed element's bytes
 * (where it keeps the element), so its digest still matches: only the checks of what a reference names and where it sits
 * can fail it.
 */
class XadesAttackWrappingTests {

    private static final PdfTestPki PKI = XadesSignerTests.PKI;
    static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String ORDER = "urn:fujie:test:order";
    static final byte[] RESPONSE = signedResponse();
    static final byte[] ENVELOPE = signedOrder();
    private static final String COLLISION = "signature S-1: ID collision: more than one element bears the ID '%s' (signature wrapping)";
    private static final String NOT_ENVELOPED = "signature S-1: an enveloped reference names #a1, which does not contain its "
            + "signature (signature wrapping)";

    /** A response whose assertion a1 is signed by the enveloped signature inside it, as a SAML identity provider does. */
    private static byte[] signedResponse() {
        try {
            Document document = HostileXml.parse("""
                    <samlp:Response xmlns:samlp="%s" xmlns:saml="%s" ID="r1">
                      <saml:Issuer>https://idp.test</saml:Issuer>
                      <saml:Assertion ID="a1">
                        <saml:Issuer>https://idp.test</saml:Issuer>
                        <saml:Subject><saml:NameID>alice</saml:NameID></saml:Subject>
                        <saml:AttributeStatement>
                          <saml:Attribute Name="role"><saml:AttributeValue>reader</saml:AttributeValue></saml:Attribute>
                        </saml:AttributeStatement>
                      </saml:Assertion>
                    </samlp:Response>""".formatted(SAMLP, SAML));
            Element assertion = HostileXml.first(document, SAML, "Assertion");
            assertion.setIdAttributeNS(null, "ID", true);
            XMLSignature signature = HostileXml.newSignature(document);
            assertion.insertBefore(signature.getElement(), HostileXml.first(assertion, SAML, "Issuer").getNextSibling());
            HostileXml.addReference(signature, "#a1", HostileXml.transforms(document, Transforms.TRANSFORM_ENVELOPED_SIGNATURE,
                    Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS));
            HostileXml.sign(signature, PKI);
            return HostileXml.bytes(document);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An envelope holding an order and, beside it, a signature over the order by its Id. */
    static byte[] signedOrder() {
        try {
            Document document = HostileXml.parse("""
                    <o:Envelope xmlns:o="%s">
                      <o:Order Id="order">
                        <o:Item>A4 paper</o:Item><o:Amount currency="CNY">100.00</o:Amount><o:PayTo>6222 0000 1111</o:PayTo>
                      </o:Order>
                    </o:Envelope>""".formatted(ORDER));
            HostileXml.first(document, ORDER, "Order").setIdAttributeNS(null, "Id", true);
            XMLSignature signature = HostileXml.newSignature(document);
            document.getDocumentElement().appendChild(signature.getElement());
            HostileXml.addReference(signature, "#order", HostileXml.transforms(document, Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS));
            HostileXml.sign(signature, PKI);
            return HostileXml.bytes(document);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static XmlReport verify(byte[] document) {
        return XadesVerifierTests.verifier(PKI).verify(document);
    }

    private static void assertIntactXmlDsig(XmlReport report, String scope) {
        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);
        XmlSignatureReport signature = report.signatures().get(0);
        assertThat(signature.format()).isEqualTo("XMLDSig");
        assertThat(signature.level()).isEqualTo(BaselineLevel.NONE);
        assertThat(signature.signer()).isEqualTo("CN=Zhang San,O=Fujie Test");
        assertThat(signature.signedScopes()).containsExactly(scope);
        assertThat(signature.coversWholeDocument()).isFalse();
    }

    @Test
    void verifyWhenSignedAssertionUntouchedThenTotalPassed() {
        assertIntactXmlDsig(verify(RESPONSE), "element /samlp:Response[1]/saml:Assertion[1], less its signatures");
    }

    @Test
    void verifyWhenSignedOrderUntouchedThenTotalPassed() {
        assertIntactXmlDsig(verify(ENVELOPE), "element /o:Envelope[1]/o:Order[1]");
    }

    static Stream<Arguments> wrappedAssertions() {
        return Stream.of(
                Arguments.of("(a) forgery with the same ID in place, the original in samlp:Extensions", wrap(d -> {
                    Element original = assertion(d);
                    forgery(original);
                    extensions(d).appendChild(original);
                }), Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE, COLLISION.formatted("a1")),
                Arguments.of("(a) forgery with the same ID after the original", wrap(d -> {
                    Element original = assertion(d);
                    Element forgery = forgery(original);
                    d.getDocumentElement().appendChild(forgery);
                }), Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE, COLLISION.formatted("a1")),
                Arguments.of("(b) original in the signature's ds:Object, forgery holding the signature in place", wrap(d -> {
                    Element original = assertion(d);
                    Element forgery = withoutId(forgery(original));
                    Element signature = HostileXml.signature(original);
                    forgery.insertBefore(signature, HostileXml.first(forgery, SAML, "Subject"));
                    HostileXml.appendElement(signature, DS, "ds:Object").appendChild(original);
                }), Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE, NOT_ENVELOPED),
                Arguments.of("(c) original re-parented under samlp:Extensions, forgery without ID in place", wrap(d -> {
                    Element original = assertion(d);
                    withoutId(forgery(original));
                    extensions(d).appendChild(original);
                }), Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE, "signature S-1: possible signature wrapping: the "
                        + "signed /samlp:Response[1]/samlp:Extensions[1]/saml:Assertion[1] has an unsigned twin at "
                        + "/samlp:Response[1]/saml:Assertion[1]"),
                Arguments.of("(c) forgery with another ID before the intact original", wrap(d -> {
                    forgery(assertion(d)).setAttributeNS(null, "ID", "a2");
                }), Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE, "signature S-1: possible signature wrapping: the "
                        + "signed /samlp:Response[1]/saml:Assertion[2] has an unsigned twin at /samlp:Response[1]/saml:Assertion[1]"),
                Arguments.of("(c) forgery without ID wrapping the original", wrap(d -> {
                    Element original = assertion(d);
                    withoutId(forgery(original)).appendChild(original);
                }), Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE, "signature S-1: possible signature wrapping: the "
                        + "signed /samlp:Response[1]/saml:Assertion[1]/saml:Assertion[1] has an unsigned twin at "
                        + "/samlp:Response[1]/saml:Assertion[1]"),
                Arguments.of("(c) forgery hidden in a ds:Object of the original's own signature", wrap(d -> {
                    Element original = assertion(d);
                    Element forgery = withoutId(forgery(original));
                    HostileXml.appendElement(HostileXml.signature(original), DS, "ds:Object").appendChild(forgery);
                }), Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE, "signature S-1: possible signature wrapping: the "
                        + "signed /samlp:Response[1]/saml:Assertion[1] has an unsigned twin at "
                        + "/samlp:Response[1]/saml:Assertion[1]/ds:Signature[1]/ds:Object[1]/saml:Assertion[1]"),
                Arguments.of("(d) signature moved out of the assertion it envelops", wrap(d -> {
                    d.getDocumentElement().appendChild(HostileXml.signature(d));
                }), Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE, NOT_ENVELOPED),
                Arguments.of("(d) forgery holding the signature, the original after it", wrap(d -> {
                    Element original = assertion(d);
                    Element forgery = withoutId(forgery(original));
                    forgery.insertBefore(HostileXml.signature(original), HostileXml.first(forgery, SAML, "Subject"));
                    d.getDocumentElement().appendChild(original);
                }), Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE, NOT_ENVELOPED),
                Arguments.of("assertion removed, forgery without ID in place", wrap(d -> {
                    Element original = assertion(d);
                    Element forgery = withoutId(forgery(original));
                    forgery.insertBefore(HostileXml.signature(original), HostileXml.first(forgery, SAML, "Subject"));
                    original.getParentNode().removeChild(original);
                }), Indication.INDETERMINATE, SubIndication.SIGNED_DATA_NOT_FOUND, "signature S-1: no element bears the ID 'a1'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrappedAssertions")
    void verifyWhenSignedAssertionWrappedThenRefused(String attack, Consumer<Document> wrap, Indication indication,
            SubIndication subIndication, String detail) {
        XmlReport report = verify(HostileXml.rewritten(RESPONSE, wrap));

        assertThat(report.indication()).as(report.detail()).isEqualTo(indication);
        assertThat(report.subIndication()).as(report.detail()).isEqualTo(subIndication);
        assertThat(report.detail()).isEqualTo(detail);
    }

    static Stream<Arguments> wrappedOrders() {
        return Stream.of(
                Arguments.of("(a) forgery with the same Id in place, the original in a wrapper", wrap(d -> {
                    Element original = order(d);
                    orderForgery(original);
                    HostileXml.appendElement(d.getDocumentElement(), ORDER, "o:Archive").appendChild(original);
                }), Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE, COLLISION.formatted("order")),
                Arguments.of("(b) original in the signature's ds:Object, forgery without Id in place", wrap(d -> {
                    Element original = order(d);
                    withoutId(orderForgery(original));
                    HostileXml.appendElement(HostileXml.signature(d), DS, "ds:Object").appendChild(original);
                }), Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE, "signature S-1: the reference #order names data inside "
                        + "the signature's ds:Object while the signature is enveloped in a document (signature wrapping)"),
                Arguments.of("(b) original in the signature's KeyInfo, forgery with another Id in place", wrap(d -> {
                    Element original = order(d);
                    orderForgery(original).setAttributeNS(null, "Id", "order-2");
                    HostileXml.first(HostileXml.signature(d), DS, "KeyInfo").appendChild(original);
                }), Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE, "signature S-1: the reference #order names a part of "
                        + "its own signature other than a ds:Object"),
                Arguments.of("(b) original in another ds:Signature, forgery without Id in place", wrap(d -> {
                    Element original = order(d);
                    withoutId(orderForgery(original));
                    Element other = HostileXml.appendElement(d.getDocumentElement(), DS, "ds:Signature");
                    other.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:ds", DS);
                    HostileXml.appendElement(other, DS, "ds:Object").appendChild(original);
                }), Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE, "signature S-1: the signed element #order sits inside "
                        + "another signature (signature wrapping)"),
                Arguments.of("(c) original re-parented under o:Extensions, forgery without Id in place", wrap(d -> {
                    Element original = order(d);
                    withoutId(orderForgery(original));
                    HostileXml.appendElement(d.getDocumentElement(), ORDER, "o:Extensions").appendChild(original);
                }), Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE, "signature S-1: possible signature wrapping: the "
                        + "signed /o:Envelope[1]/o:Extensions[1]/o:Order[1] has an unsigned twin at /o:Envelope[1]/o:Order[1]"),
                Arguments.of("order removed, forgery with another Id in place", wrap(d -> {
                    Element original = order(d);
                    orderForgery(original).setAttributeNS(null, "Id", "order-2");
                    original.getParentNode().removeChild(original);
                }), Indication.INDETERMINATE, SubIndication.SIGNED_DATA_NOT_FOUND, "signature S-1: no element bears the ID 'order'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrappedOrders")
    void verifyWhenSignedOrderWrappedThenRefused(String attack, Consumer<Document> wrap, Indication indication,
            SubIndication subIndication, String detail) {
        XmlReport report = verify(HostileXml.rewritten(ENVELOPE, wrap));

        assertThat(report.indication()).as(report.detail()).isEqualTo(indication);
        assertThat(report.subIndication()).as(report.detail()).isEqualTo(subIndication);
        assertThat(report.detail()).isEqualTo(detail);
    }

    /**
     * The forgery in place signed too, by mallory's own self-signed key. A signature that chains to no trust anchor does not
     * vouch for what it covers, so the forgery is an unsigned twin of the original and the genuine signature fails as
     * wrapping; mallory's own stays INDETERMINATE (no chain).
     */
    @Test
    void verifyWhenForgerySignedByAnUntrustedKeyThenTheGenuineSignatureFailsAsWrapping() throws Exception {
        Issued mallory = TestCertificates.root(KeyAlgorithm.RSA_2048, "CN=Mallory,O=Evil");
        Document document = HostileXml.parse(ENVELOPE);
        Element original = order(document);
        Element forgery = orderForgery(original);
        forgery.setAttributeNS(null, "Id", "order-2");
        forgery.setIdAttributeNS(null, "Id", true);
        HostileXml.appendElement(document.getDocumentElement(), ORDER, "o:Extensions").appendChild(original);
        XMLSignature signature = HostileXml.newSignature(document);
        document.getDocumentElement().appendChild(signature.getElement());
        HostileXml.addReference(signature, "#order-2", HostileXml.transforms(document, Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS));
        HostileXml.sign(signature, mallory);

        XmlReport report = verify(HostileXml.bytes(document));

        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(report.signatures()).extracting(XmlSignatureReport::indication)
                .containsExactly(Indication.TOTAL_FAILED, Indication.INDETERMINATE);
        assertThat(report.signatures().get(0).detail()).startsWith("possible signature wrapping");
        assertThat(report.signatures().get(0).signedScopes()).containsExactly("element /o:Envelope[1]/o:Extensions[1]/o:Order[1]");
        assertThat(report.signatures().get(1).signer()).isEqualTo("CN=Mallory,O=Evil");
        assertThat(report.signatures().get(1).subIndication()).isEqualTo(SubIndication.NO_CERTIFICATE_CHAIN_FOUND);
        assertThat(report.signatures().get(1).signedScopes()).containsExactly("element /o:Envelope[1]/o:Order[1]");
    }

    /**
     * DSS 6.3 agrees on the duplicated ID: TOTAL_FAILED/FORMAT_FAILURE ("duplicate occurrences of the signed references").
     * Its default policy wants a signing time, which plain XML Signature lacks, so the intact documents are
     * INDETERMINATE/SIG_CONSTRAINTS_FAILURE there. On the other wrappings (b), (c) and (d) DSS answers exactly as for the
     * intact document: it reports the moved element as the signed scope and leaves the rest to the application. Given the
     * stub ds:Signature without SignedInfo it throws (DSSException "Cannot find SignedInfo in Signature").
     */
    @Test
    void verifyWhenDuplicatedIdThenDssFailsItToo() {
        byte[] assertion = HostileXml.rewritten(RESPONSE, d -> {
            Element original = assertion(d);
            forgery(original);
            extensions(d).appendChild(original);
        });
        byte[] order = HostileXml.rewritten(ENVELOPE, d -> {
            Element original = order(d);
            orderForgery(original);
            HostileXml.appendElement(d.getDocumentElement(), ORDER, "o:Archive").appendChild(original);
        });

        for (byte[] intact : List.of(RESPONSE, ENVELOPE)) {
            DssXades.Verdict dss = DssXades.validate(intact, PKI).get(0);
            assertThat(dss.indication() + "/" + dss.subIndication()).as("DSS: %s", dss)
                    .isEqualTo("INDETERMINATE/SIG_CONSTRAINTS_FAILURE");
            assertThat(dss.errors()).contains("'signing-time' is not present").doesNotContain("not intact");
        }
        for (byte[] forged : List.of(assertion, order)) {
            DssXades.Verdict dss = DssXades.validate(forged, PKI).get(0);
            XmlReport fujie = verify(forged);
            assertThat(dss.indication() + "/" + dss.subIndication()).as("DSS: %s", dss).isEqualTo("TOTAL_FAILED/FORMAT_FAILURE")
                    .isEqualTo(fujie.indication() + "/" + fujie.subIndication());
            assertThat(dss.errors()).contains("duplicate occurrences of the signed references");
        }
    }

    private static Consumer<Document> wrap(Consumer<Document> wrap) {
        return wrap;
    }

    private static Element assertion(Document document) {
        return HostileXml.first(document, SAML, "Assertion");
    }

    private static Element order(Document document) {
        return HostileXml.first(document, ORDER, "Order");
    }

    /** mallory's copy of the assertion, just before it, without its signature. */
    private static Element forgery(Element original) {
        return HostileXml.forgeryBefore(original, SAML, "NameID", "mallory");
    }

    /** A copy of the order, just before it, paying another account. */
    private static Element orderForgery(Element original) {
        return HostileXml.forgeryBefore(original, ORDER, "PayTo", "6222 9999 6666");
    }

    private static Element extensions(Document document) {
        return HostileXml.appendElement(document.getDocumentElement(), SAMLP, "samlp:Extensions");
    }

    private static Element withoutId(Element element) {
        element.removeAttributeNS(null, "ID");
        element.removeAttributeNS(null, "Id");
        return element;
    }
}
