package org.fujie.pki.xades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * What SecureXml writes is the canonical form of what it read (hostile input is in XadesAttackParsingTests): comments,
 * namespaces and non-ASCII text kept, attributes in canonical order, no XML declaration, and a document far larger than
 * the output buffer's first size comes back whole.
 */
class SecureXmlTests {

    private final SecureXml xml = new SecureXml(1 << 22, 64);

    @Test
    void writesTheCanonicalFormOfWhatItRead() throws Exception {
        String in = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<a:form xmlns:a=\"urn:fujie:form\" z=\"2\" b=\"1\"><!-- 备注 --><a:name>示例局</a:name><e/></a:form>";

        String out = new String(SecureXml.serialize(xml.parse(in.getBytes(StandardCharsets.UTF_8))), StandardCharsets.UTF_8);

        assertThat(out).isEqualTo("<a:form xmlns:a=\"urn:fujie:form\" b=\"1\" z=\"2\"><!-- 备注 --><a:name>示例局</a:name><e></e></a:form>");
    }

    @Test
    void aLargeDocumentComesBackWhole() throws Exception {
        StringBuilder in = new StringBuilder("<catalogue>");
        for (int i = 0; i < 20_000; i++) {
            in.append("<item id=\"i").append(i).append("\">条目 ").append(i).append("</item>");
        }
        String document = in.append("</catalogue>").toString();

        Document parsed = xml.parse(document.getBytes(StandardCharsets.UTF_8));

        assertThat(new String(SecureXml.serialize(parsed), StandardCharsets.UTF_8)).isEqualTo(document);
        assertThat(parsed.getDocumentElement().getChildNodes().getLength()).isEqualTo(20_000);
    }

    @Test
    void theLimitsAreChecked() {
        byte[] big = ("<r>" + "x".repeat(1 << 22) + "</r>").getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> xml.parse(big)).isInstanceOf(XmlFormatException.class).hasMessageContaining("larger than");
        assertThatThrownBy(() -> xml.parse("<r>".repeat(65).getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(XmlFormatException.class).hasMessageContaining("deeper than 64");
        assertThatThrownBy(() -> new SecureXml(0, 64)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void routingLooksAtTheFirstCharacterAfterABomAndWhiteSpace() {
        assertThat(SecureXml.looksLikeXml(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, ' ', '\n', '<', 'a'})).isTrue();
        assertThat(SecureXml.looksLikeXml("%PDF-1.7".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(SecureXml.looksLikeXml(new byte[0])).isFalse();
    }
}
