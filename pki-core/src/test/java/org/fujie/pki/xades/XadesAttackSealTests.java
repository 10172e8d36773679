package org.fujie.pki.xades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fujie.pki.xades.XadesNames.DS;

import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.fujie.pki.cms.BaselineLevel;
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
 * Fujie's own enveloped seals after sealing. Their one data reference is URI "" with an XPath Filter 2.0 that subtracts
 * every ds:Signature, then exclusive C14N without comments: what is signed is the document, less its signatures and its
 * comments. Anything added to that fails the digest; where the signature sits, and comments, are not part of it.
 */
class XadesAttackSealTests {

    private static final PdfTestPki PKI = XadesSignerTests.PKI;
    private static final String FORM = "urn:fujie:test:form";
    private static final byte[] SEALED = seal();

    private static byte[] seal() {
        try {
            return XadesSignerTests.sign(XadesSignerTests.FORM, XadesParameters.enveloped(BaselineLevel.B_B, Instant.now()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static XmlReport verify(byte[] document) {
        return XadesVerifierTests.verifier(PKI).verify(document);
    }

    private static Element amount(Document document) {
        Element amount = document.createElementNS(FORM, "金额");
        amount.setAttributeNS(null, "币种", "CNY");
        amount.setTextContent("9200.00");
        return amount;
    }

    static Stream<Arguments> additions() {
        return Stream.of(
                Arguments.of("a second 金额 after the signature", (Consumer<Document>) d -> d.getDocumentElement().appendChild(amount(d))),
                Arguments.of("a second 金额 before the first", (Consumer<Document>) d -> d.getDocumentElement()
                        .insertBefore(amount(d), d.getDocumentElement().getFirstChild())),
                Arguments.of("a processing instruction after the root", (Consumer<Document>) d -> d.appendChild(
                        d.createProcessingInstruction("fujie-amount", "9200.00"))),
                Arguments.of("a new root around the sealed one", (Consumer<Document>) d -> {
                    Element root = d.getDocumentElement();
                    Element wrapper = d.createElementNS(FORM, "外壳");
                    wrapper.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns", FORM);
                    d.replaceChild(wrapper, root);
                    wrapper.appendChild(root);
                    wrapper.appendChild(amount(d));
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("additions")
    void verifyWhenContentAddedAfterSealingThenHashFailureAsDssFinds(String addition, Consumer<Document> add) {
        byte[] forged = HostileXml.rewritten(SEALED, add);

        XmlReport report = verify(forged);
        DssXades.Verdict dss = DssXades.validate(forged, PKI).get(0);

        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(report.subIndication()).isEqualTo(SubIndication.HASH_FAILURE);
        assertThat(report.detail()).endsWith(": the data the reference(s) '' name no longer match their digest");
        assertThat(dss.indication() + "/" + dss.subIndication()).as("DSS: %s", dss).isEqualTo("TOTAL_FAILED/HASH_FAILURE");
    }

    static Stream<Arguments> moves() {
        return Stream.of(
                Arguments.of("to the root's first child", (Consumer<Document>) d -> d.getDocumentElement()
                        .insertBefore(HostileXml.signature(d), d.getDocumentElement().getFirstChild())),
                Arguments.of("into 申请人, before its text", (Consumer<Document>) d -> {
                    Element applicant = HostileXml.first(d, FORM, "申请人");
                    applicant.insertBefore(HostileXml.signature(d), applicant.getFirstChild());
                }),
                Arguments.of("into 金额, after its text", (Consumer<Document>) d -> HostileXml.first(d, FORM, "金额")
                        .appendChild(HostileXml.signature(d))));
    }

    /**
     * Moving the signature is no forgery: the signed data (the document less its signatures) is the same to the byte,
     * so the seal verifies wherever the signature sits, for DSS too. What an application must read is that same view, the
     * document without its ds:Signature elements; read with the signature inside 申请人, the element's whole text would
     * carry the signature's base64 too.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("moves")
    void verifyWhenSignatureMovedWithinTheDocumentThenStillTotalPassed(String move, Consumer<Document> moveIt) {
        byte[] moved = HostileXml.rewritten(SEALED, moveIt);
        assertThat(moved).isNotEqualTo(SEALED);

        XmlReport report = verify(moved);
        DssXades.Verdict dss = DssXades.validate(moved, PKI).get(0);

        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.signatures().get(0).level()).isEqualTo(BaselineLevel.B_B);
        assertThat(report.signatures().get(0).signedScopes()).containsExactly("the whole document, less its signatures");
        assertThat(dss.passedAt("XAdES-BASELINE-B")).as("DSS: %s", dss).isTrue();
    }

    /** Comments are not signed (URI "" and C14N without comments, XML Signature 4.4.3.3): one added changes nothing signed. */
    @Test
    void verifyWhenCommentAddedAfterSealingThenStillTotalPassed() {
        byte[] commented = HostileXml.rewritten(SEALED, d -> HostileXml.first(d, FORM, "金额")
                .appendChild(d.createComment(" 金额改为 9200.00 ")));

        XmlReport report = verify(commented);

        assertThat(new String(commented, java.nio.charset.StandardCharsets.UTF_8)).contains("<!-- 金额改为 9200.00 -->");
        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);
    }

    @Test
    void verifyWhenSealedThenSignatureIsTheRootsLastElement() {
        // the moves above start from here
        Element root = HostileXml.parse(SEALED).getDocumentElement();
        Element last = null;
        for (org.w3c.dom.Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                last = e;
            }
        }
        assertThat(last.getNamespaceURI() + " " + last.getLocalName()).isEqualTo(DS + " Signature");
        assertThat(verify(SEALED).indication()).isEqualTo(Indication.TOTAL_PASSED);
    }
}
