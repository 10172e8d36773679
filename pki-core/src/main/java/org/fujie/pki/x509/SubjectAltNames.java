package org.fujie.pki.x509;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.util.IPAddress;

/**
 * Subject alternative names in the API's text form {@code type:value} with type {@code dns},
 * {@code ip}, {@code email} or {@code uri}; a value without a type is an IP address when it reads as
 * one, an e-mail address when it has an @, otherwise a DNS name. Values are checked for syntax here;
 * which types a certificate may carry is the profile's decision.
 */
public final class SubjectAltNames {

    public enum Type { DNS, IP, EMAIL, URI }

    public record Entry(Type type, String value) {
        public GeneralName toGeneralName() {
            return switch (type) {
                case DNS -> new GeneralName(GeneralName.dNSName, value);
                case IP -> new GeneralName(GeneralName.iPAddress, value);
                case EMAIL -> new GeneralName(GeneralName.rfc822Name, value);
                case URI -> new GeneralName(GeneralName.uniformResourceIdentifier, value);
            };
        }

        @Override
        public String toString() {
            return type.name().toLowerCase(Locale.ROOT) + ":" + value;
        }
    }

    private static final Pattern DNS_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    // rfc822Name is an IA5String: printable ASCII only, and the domain made of DNS labels.
    private static final Pattern EMAIL = Pattern.compile("[\\x21-\\x3f\\x41-\\x7e]{1,64}@(?=.{1,253}$)("
            + DNS_LABEL.pattern() + "\\.)*" + DNS_LABEL.pattern());

    private SubjectAltNames() {
    }

    public static Entry parse(String text) {
        if (text == null || text.isBlank() || text.length() > 512) {
            throw new IllegalArgumentException("a subject alternative name must have 1 to 512 characters");
        }
        int colon = text.indexOf(':');
        String prefix = colon > 0 ? text.substring(0, colon).toLowerCase(Locale.ROOT) : "";
        return switch (prefix) {
            case "dns" -> dns(text.substring(colon + 1));
            case "ip" -> ip(text.substring(colon + 1));
            case "email" -> email(text.substring(colon + 1));
            case "uri" -> uri(text.substring(colon + 1));
            default -> guess(text);
        };
    }

    public static List<Entry> parseAll(List<String> texts) {
        List<Entry> entries = new ArrayList<>();
        for (String text : texts) {
            entries.add(parse(text));
        }
        return entries;
    }

    /** Reads a GeneralName from a CSR or certificate back into an entry, when it is of a known type. */
    public static Entry fromGeneralName(GeneralName name) {
        return switch (name.getTagNo()) {
            case GeneralName.dNSName -> dns(name.getName().toString());
            case GeneralName.rfc822Name -> email(name.getName().toString());
            case GeneralName.uniformResourceIdentifier -> uri(name.getName().toString());
            case GeneralName.iPAddress -> ip(ipText(org.bouncycastle.asn1.ASN1OctetString.getInstance(name.getName()).getOctets()));
            default -> throw new IllegalArgumentException("unsupported subject alternative name type " + name.getTagNo());
        };
    }

    private static String ipText(byte[] octets) {
        try {
            return java.net.InetAddress.getByAddress(octets).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("malformed IP address in subject alternative name");
        }
    }

    private static Entry guess(String text) {
        if (IPAddress.isValid(text)) {
            return ip(text);
        }
        return text.contains("@") ? email(text) : dns(text);
    }

    private static Entry dns(String value) {
        String name = value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
        String[] labels = name.split("\\.", -1);
        if (name.length() > 253 || labels.length < 1) {
            throw new IllegalArgumentException("invalid DNS name: " + value);
        }
        for (int i = 0; i < labels.length; i++) {
            boolean wildcard = i == 0 && labels[i].equals("*") && labels.length > 2;
            if (!wildcard && !DNS_LABEL.matcher(labels[i]).matches()) {
                throw new IllegalArgumentException("invalid DNS name: " + value);
            }
        }
        return new Entry(Type.DNS, name.toLowerCase(Locale.ROOT));
    }

    private static Entry ip(String value) {
        // Bouncy Castle's IPAddress.isValid accepts a lone leading or trailing colon (":", ":1", "1:"),
        // which GeneralName then fails to encode.
        boolean strayColon = value.startsWith(":") && !value.startsWith("::")
                || value.endsWith(":") && !value.endsWith("::");
        if (strayColon || !IPAddress.isValid(value)) {
            throw new IllegalArgumentException("invalid IP address: " + value);
        }
        return new Entry(Type.IP, value);
    }

    private static Entry email(String value) {
        if (!EMAIL.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid e-mail address: " + value);
        }
        return new Entry(Type.EMAIL, value);
    }

    private static Entry uri(String value) {
        if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            // uniformResourceIdentifier is an IA5String; java.net.URI would let other characters through
            throw new IllegalArgumentException("a URI subject alternative name must be printable ASCII: " + value);
        }
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute()) {
                throw new IllegalArgumentException("a URI subject alternative name must be absolute: " + value);
            }
            return new Entry(Type.URI, value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid URI: " + value);
        }
    }
}
