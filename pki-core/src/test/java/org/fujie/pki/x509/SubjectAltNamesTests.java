package org.fujie.pki.x509;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.fujie.pki.OpenSsl;
import org.fujie.pki.TestCertificates;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

// Isolated: one test installs a SecurityManager for the whole JVM while it runs.
@Isolated
class SubjectAltNamesTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "dns:www.example.com          | DNS   | www.example.com",
            "DNS:WWW.Example.COM          | DNS   | www.example.com",
            "dns:www.example.com.         | DNS   | www.example.com",
            "dns:localhost                | DNS   | localhost",
            "dns:xn--fiqs8s.example       | DNS   | xn--fiqs8s.example",
            "dns:a-b.c1.example           | DNS   | a-b.c1.example",
            "dns:*.example.com            | DNS   | *.example.com",
            "dns:*.sub.example.com        | DNS   | *.sub.example.com",
            "ip:192.0.2.1                 | IP    | 192.0.2.1",
            "IP:198.51.100.255            | IP    | 198.51.100.255",
            "ip:2001:db8::1               | IP    | 2001:db8::1",
            "ip:::1                       | IP    | ::1",
            "ip:2001:0db8:0:0:0:0:0:0001  | IP    | 2001:0db8:0:0:0:0:0:0001",
            "email:ops@example.com        | EMAIL | ops@example.com",
            "Email:first.last+tag@example.com | EMAIL | first.last+tag@example.com",
            "uri:https://example.com/a?b=c | URI  | https://example.com/a?b=c",
            "uri:spiffe://fujie.example/ns/ca | URI | spiffe://fujie.example/ns/ca",
            "uri:urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6 | URI | urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
            // without a type: an IP address when it reads as one, e-mail with an @, otherwise DNS
            "www.example.com              | DNS   | www.example.com",
            "*.example.com                | DNS   | *.example.com",
            "localhost                    | DNS   | localhost",
            "192.0.2.1                    | IP    | 192.0.2.1",
            "2001:db8::1                  | IP    | 2001:db8::1",
            "::1                          | IP    | ::1",
            "fe80::1                      | IP    | fe80::1",
            "ops@example.com              | EMAIL | ops@example.com"})
    void parseWhenValidThenTypeAndValue(String text, SubjectAltNames.Type type, String value) {
        SubjectAltNames.Entry entry = SubjectAltNames.parse(text);

        assertThat(entry).isEqualTo(new SubjectAltNames.Entry(type, value));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // wildcards: only a whole left-most label, and not directly under a top-level domain
            "dns:*.com", "dns:*", "dns:*.", "dns:foo.*.example.com", "dns:f*.example.com", "dns:*foo.example.com",
            "dns:**.example.com", "dns:*.*.example.com", "dns:www.example.*", "*.com",
            // labels
            "dns:", "dns:.", "dns:.example.com", "dns:a..example.com", "dns:-a.example.com", "dns:a-.example.com",
            "dns:exa_mple.com", "dns:exa mple.com", "dns:example.com..", "dns:例子.example", "dns:www.example.com/path",
            "dns:user@example.com", "dns:192.0.2.1/24",
            // IP addresses: literal addresses only, never names to resolve
            "ip:", "ip:256.1.1.1", "ip:192.0.2", "ip:192.0.2.1.5", "ip:192.0.2.1/24", "ip:[::1]", "ip:2001:db8:::1",
            "ip:2001:db8::g", "ip:localhost", "ip:example.com", "ip:0x7f.0.0.1",
            // e-mail
            "email:", "email:ops", "email:@example.com", "email:ops@", "email:a@b@example.com", "email:a b@example.com",
            "email:x@", "email:https://example.com",
            // URI: absolute and syntactically valid
            "uri:", "uri:relative/path", "uri://example.com/no-scheme", "uri:https://exa mple.com/", "uri:http://[::1",
            // bare guesses that are none of the types
            ":", ":example.com", "exa mple.com", "a@", "user@exa mple.com", "-example.com"})
    void parseWhenInvalidThenRejected(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> SubjectAltNames.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "email:用户@example.com", "email:ops@例子.example", "用户@example.com", "email:op\u0001s@example.com",
            "email:ops@exa\u00e9mple.com", "uri:https://例子.example/", "uri:https://example.com/\u00e9",
            "uri:urn:x:\u4e2d"})
    void parseWhenNotAsciiThenRejected(String text) {
        // rfc822Name and uniformResourceIdentifier are IA5Strings: anything else would be mangled when encoded
        assertThatIllegalArgumentException().isThrownBy(() -> SubjectAltNames.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"email:ops@.", "email:ops@-", "email:ops@example..com", "email:ops@-example.com",
            "email:ops@example.com."})
    void parseWhenEmailDomainInvalidThenRejected(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> SubjectAltNames.parse(text));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void parseWhenEmptyThenRejected(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> SubjectAltNames.parse(text));
    }

    @Test
    void parseWhenLongerThan512CharactersThenRejected() {
        String uri = "uri:https://example.com/" + "p".repeat(512 - "uri:https://example.com/".length());

        assertThat(SubjectAltNames.parse(uri).value()).hasSize(508);
        assertThatIllegalArgumentException().isThrownBy(() -> SubjectAltNames.parse(uri + "p"));
    }

    @ParameterizedTest
    @ValueSource(strings = {":", "ip::", "ip::1", "ip:1:", "ip:2001:db8:", "ip::2001:db8::1", "1:", ":1", ":f:"})
    void parseWhenIpv6HasStrayColonThenRejected(String text) {
        // Bouncy Castle's IPAddress.isValid takes these; GeneralName then failed to encode them
        assertThatIllegalArgumentException().isThrownBy(() -> SubjectAltNames.parse(text));
    }

    @Test
    void parseWhenIpAcceptedThenEncodedAsTheJdkReadsTheAddress() throws Exception {
        // Every string of up to 6 characters over 0 1 f : . that parse takes as an IP address must be one
        // the JDK reads as a literal too, encoded to the same octets. Strings with ':' are never resolved
        // by the JDK, and the dotted ones handed to it were accepted as literals already.
        List<String> candidates = new ArrayList<>(List.of("1:2:3:4:5:6:7:8", "::ffff:192.0.2.1",
                "1:2:3:4:5:6:192.0.2.1", "2001:db8::192.0.2.1", "fe80::", "255.255.255.255", "0.0.0.0"));
        List<String> words = List.of("");
        for (int length = 1; length <= 6; length++) {
            List<String> longer = new ArrayList<>();
            for (String word : words) {
                for (char c : new char[] {'0', '1', 'f', ':', '.'}) {
                    longer.add(word + c);
                }
            }
            candidates.addAll(longer);
            words = longer;
        }
        int accepted = 0;

        for (String candidate : candidates) {
            SubjectAltNames.Entry entry;
            try {
                entry = SubjectAltNames.parse("ip:" + candidate);
            } catch (IllegalArgumentException rejected) {
                continue;
            }
            accepted++;
            byte[] encoded = DEROctetString.getInstance(entry.toGeneralName().getName()).getOctets();
            assertThat(encoded).as(candidate).isEqualTo(jdkOctets(candidate));
        }

        assertThat(accepted).isGreaterThan(100);
    }

    @Test
    void parseWhenDnsLabelOrNameTooLongThenRejected() {
        String label63 = "a".repeat(63);
        String name253 = String.join(".", label63, label63, label63, "a".repeat(61));

        assertThat(SubjectAltNames.parse("dns:" + label63 + ".example").value()).startsWith(label63);
        assertThatIllegalArgumentException().isThrownBy(() -> SubjectAltNames.parse("dns:a" + label63 + ".example"));
        assertThat(SubjectAltNames.parse("dns:" + name253).value()).hasSize(253);
        assertThatIllegalArgumentException().isThrownBy(() -> SubjectAltNames.parse("dns:" + name253 + "a"));
    }

    /** The JDK's octets for an address literal; it turns IPv4-mapped IPv6 addresses into 4 octets, undone here. */
    private static byte[] jdkOctets(String literal) throws Exception {
        byte[] octets = InetAddress.getByName(literal).getAddress();
        if (octets.length == 4 && literal.contains(":")) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(octets, 0, mapped, 12, 4);
            return mapped;
        }
        return octets;
    }

    @Test
    void parseAllWhenOneInvalidThenRejected() {
        assertThat(SubjectAltNames.parseAll(List.of("a.example.com", "ip:192.0.2.1")))
                .containsExactly(new SubjectAltNames.Entry(SubjectAltNames.Type.DNS, "a.example.com"),
                        new SubjectAltNames.Entry(SubjectAltNames.Type.IP, "192.0.2.1"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SubjectAltNames.parseAll(List.of("a.example.com", "dns:*.com")));
    }

    @Test
    void toStringThenTypedTextThatParsesBack() {
        for (String text : List.of("dns:a.example.com", "ip:192.0.2.1", "ip:2001:db8::1", "email:a@example.com",
                "uri:https://example.com/")) {
            SubjectAltNames.Entry entry = SubjectAltNames.parse(text);
            assertThat(entry.toString()).isEqualTo(text);
            assertThat(SubjectAltNames.parse(entry.toString())).isEqualTo(entry);
        }
    }

    @Test
    void fromGeneralNameWhenToGeneralNameThenSameName() {
        for (String text : List.of("dns:a.example.com", "dns:*.example.com", "ip:192.0.2.1", "ip:2001:db8::1",
                "email:a@example.com", "uri:https://example.com/x")) {
            GeneralName name = SubjectAltNames.parse(text).toGeneralName();
            SubjectAltNames.Entry back = SubjectAltNames.fromGeneralName(name);
            assertThat(back.type()).isEqualTo(SubjectAltNames.parse(text).type());
            assertThat(back.toGeneralName()).isEqualTo(name);
        }
    }

    @Test
    void fromGeneralNameWhenUnsupportedOrMalformedThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> SubjectAltNames.fromGeneralName(
                new GeneralName(new X500Name("CN=dir"))));
        assertThatIllegalArgumentException().isThrownBy(() -> SubjectAltNames.fromGeneralName(
                new GeneralName(GeneralName.iPAddress, new DEROctetString(new byte[] {10, 0, 0, 1, (byte) 255, 0, 0, 0}))));
        assertThatIllegalArgumentException().isThrownBy(() -> SubjectAltNames.fromGeneralName(
                new GeneralName(GeneralName.dNSName, new DERIA5String("bad_name.example.com"))));
        assertThatIllegalArgumentException().isThrownBy(() -> SubjectAltNames.fromGeneralName(
                new GeneralName(GeneralName.dNSName, new DERIA5String("*.com"))));
    }

    @Test
    void toGeneralNameThenOpenSslReadsTheSameNames(@TempDir Path directory) throws Exception {
        List<SubjectAltNames.Entry> entries = SubjectAltNames.parseAll(List.of("www.example.com", "*.example.org",
                "192.0.2.1", "2001:db8::1", "ops@example.com", "uri:https://example.com/device/1"));
        GeneralNames names = new GeneralNames(entries.stream().map(SubjectAltNames.Entry::toGeneralName)
                .toArray(GeneralName[]::new));
        TestCertificates.Issued root = TestCertificates.root(KeyAlgorithm.EC_P256, "CN=Root");
        TestCertificates.Issued leaf = TestCertificates.leaf(root, KeyAlgorithm.EC_P256, "CN=www.example.com",
                Extensions.nonCritical(Extension.subjectAlternativeName, names));
        OpenSsl openssl = new OpenSsl(directory);
        openssl.write("leaf.pem", leaf.pem());

        String text = openssl.run("x509", "-in", "leaf.pem", "-noout", "-ext", "subjectAltName");

        assertThat(text).contains("DNS:www.example.com, DNS:*.example.org, IP Address:192.0.2.1, "
                + "IP Address:2001:DB8:0:0:0:0:0:1, email:ops@example.com, URI:https://example.com/device/1");
    }

    @Test
    @SuppressWarnings("removal")
    void parseThenNoNameIsResolved() {
        // Java 17 has no resolver SPI; a SecurityManager sees every lookup as checkConnect(host, -1).
        List<String> lookups = Collections.synchronizedList(new ArrayList<>());
        SecurityManager recorder = new SecurityManager() {
            @Override
            public void checkPermission(java.security.Permission permission) {
            }

            @Override
            public void checkPermission(java.security.Permission permission, Object context) {
            }

            @Override
            public void checkConnect(String host, int port) {
                lookups.add(host + ":" + port);
            }
        };
        SecurityManager previous = System.getSecurityManager();
        System.setSecurityManager(recorder);
        try {
            for (String text : List.of("www.example.com", "dns:fujie-no-such-host.invalid", "localhost", "192.0.2.1",
                    "2001:db8::1", "ops@example.com", "uri:https://example.com/", "ip:localhost", "ip:example.com")) {
                try {
                    SubjectAltNames.Entry entry = SubjectAltNames.parse(text);
                    SubjectAltNames.fromGeneralName(entry.toGeneralName());
                } catch (IllegalArgumentException rejected) {
                    // rejected without a lookup is fine
                }
            }
        } finally {
            System.setSecurityManager(previous);
        }

        assertThat(lookups).isEmpty();
    }
}
