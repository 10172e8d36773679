package org.fujie.pki.x509;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.List;
import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.fujie.pki.OpenSsl;
import org.fujie.pki.TestCertificates;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectNamesTests {

    @ParameterizedTest
    @ValueSource(strings = {
            "CN=Fujie Root CA,O=Fujie,C=CN",
            "CN=张三,OU=信息中心,O=富杰数字证书有限公司,L=北京,ST=北京市,C=CN",
            "CN=Ops\\, Night Shift,O=Fujie",
            "CN=a\\+b,O=x\\;y",
            "CN=\\#hash,O=\\\"quoted\\\"",
            "CN=back\\\\slash",
            "CN=alice+UID=alice01,O=Fujie",
            "CN=www.example.com,DC=example,DC=com",
            "CN=a\\=b,O=x",
            "STREET=1 Main St,L=Springfield"})
    void parseWhenRfc4514ThenFormatGivesItBack(String name) {
        assertThat(SubjectNames.format(SubjectNames.parse(name))).isEqualTo(name);
    }

    @Test
    void parseWhenChineseThenUtf8StringsInX500Order() {
        X500Name name = SubjectNames.parse("CN=张三,O=富杰,C=CN");

        RDN[] rdns = name.getRDNs();
        assertThat(rdns).hasSize(3);
        // RFC 4514 lists the most specific RDN first; the DER sequence starts at the root
        assertThat(rdns[0].getFirst().getType()).isEqualTo(BCStyle.C);
        assertThat(rdns[1].getFirst().getType()).isEqualTo(BCStyle.O);
        assertThat(rdns[2].getFirst().getType()).isEqualTo(BCStyle.CN);
        ASN1Encodable cn = rdns[2].getFirst().getValue();
        assertThat(cn).isInstanceOf(DERUTF8String.class);
        assertThat(((DERUTF8String) cn).getString()).isEqualTo("张三");
        assertThat(rdns[0].getFirst().getValue()).isInstanceOf(DERPrintableString.class);
    }

    @Test
    void parseWhenChineseThenOpenSslReadsTheSameName(@TempDir Path directory) {
        String subject = "CN=张三,OU=信息中心,O=富杰,C=CN";
        TestCertificates.Issued root = TestCertificates.root(KeyAlgorithm.EC_P256, "CN=根证书,O=富杰,C=CN");
        TestCertificates.Issued leaf = TestCertificates.leaf(root, KeyAlgorithm.EC_P256, subject);
        OpenSsl openssl = new OpenSsl(directory);
        openssl.write("leaf.pem", leaf.pem());

        String rfc2253 = openssl.run("x509", "-in", "leaf.pem", "-noout", "-subject", "-issuer",
                "-nameopt", "RFC2253,-esc_msb,utf8");
        String oneline = openssl.run("x509", "-in", "leaf.pem", "-noout", "-subject", "-nameopt", "oneline,-esc_msb,utf8");
        String asn1 = openssl.run("asn1parse", "-in", "leaf.pem");

        assertThat(rfc2253).contains("subject=" + subject).contains("issuer=CN=根证书,O=富杰,C=CN");
        assertThat(oneline).contains("C = CN, O = 富杰, OU = 信息中心, CN = 张三");
        assertThat(asn1).contains("UTF8STRING        :张三");
    }

    @Test
    void formatWhenNameFromOpenSslThenRfc4514(@TempDir Path directory) {
        OpenSsl openssl = new OpenSsl(directory);
        openssl.generateKey("k.pem", OpenSsl.genpkeyOptions(KeyAlgorithm.EC_P256));
        openssl.run("req", "-x509", "-new", "-key", "k.pem", "-utf8", "-days", "1",
                "-subj", "/C=CN/O=富杰, 公司/CN=李四+UID=li4", "-multivalue-rdn", "-out", "c.pem");
        X500Principal subject = Pem.parseCertificate(Pem.decode(openssl.read("c.pem"), "CERTIFICATE"))
                .getSubjectX500Principal();

        assertThat(SubjectNames.format(subject)).isEqualTo("CN=李四+UID=li4,O=富杰\\, 公司,C=CN");
        assertThat(SubjectNames.format(X500Name.getInstance(subject.getEncoded()))).isEqualTo(SubjectNames.format(subject));
    }

    @Test
    void parseWhenSemicolonSeparatorOrSpacesThenSameNameAsCommas() {
        X500Name expected = SubjectNames.parse("CN=a,O=b");

        assertThat(SubjectNames.parse("CN=a;O=b")).isEqualTo(expected);
        assertThat(SubjectNames.parse("cn=a, o=b")).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CN", "=x", "CN=a,", ",CN=a", "CN=a,,O=b", "foo=bar", "CN=a,O=b\\", "CN=a+",
            "CN=\"unterminated", "CN=a,=b", "NOSUCHKEYWORD=x", "CN=#zz", "/CN=a/O=b"})
    void parseWhenMalformedThenRejected(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> SubjectNames.parse(name));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void parseWhenEmptyThenRejected(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> SubjectNames.parse(name));
    }

    @Test
    void parseWhenLongerThan1024CharactersThenRejected() {
        String longest = "CN=" + "a".repeat(1021);

        assertThat(SubjectNames.parse(longest).getRDNs()).hasSize(1);
        assertThatIllegalArgumentException().isThrownBy(() -> SubjectNames.parse(longest + "a"));
    }

    @Test
    void formatWhenEqualNamesThenEqualStrings() {
        List<X500Name> names = List.of(SubjectNames.parse("CN=Test,O=Fujie"),
                new X500Name(new RDN[] {new RDN(BCStyle.O, new DERUTF8String("Fujie")),
                        new RDN(BCStyle.CN, new DERUTF8String("Test"))}));

        assertThat(names).extracting(SubjectNames::format).containsOnly("CN=Test,O=Fujie");
    }
}
