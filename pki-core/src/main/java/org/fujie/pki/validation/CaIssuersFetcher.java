package org.fujie.pki.validation;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.fujie.pki.validation.HttpFetcher.FetchException;
import org.fujie.pki.x509.Pem;

/**
 * Fetches the certificates named by AIA caIssuers (RFC 5280 4.2.2.1: one DER certificate, or a
 * "certs-only" CMS message), only from allowed hosts: the URL is read from a certificate not yet
 * verified, so without the allow-list anyone could make the validator fetch any URL.
 */
final class CaIssuersFetcher {

    private static final int MAX_CERTIFICATES = 10;

    private final HttpFetcher fetcher;
    private final Set<String> allowedHosts;
    private final int maxBytes;

    CaIssuersFetcher(HttpFetcher fetcher, Set<String> allowedHosts, int maxBytes) {
        this.fetcher = fetcher;
        this.allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
        this.maxBytes = maxBytes;
    }

    /** The certificates the caIssuers URLs of the certificate offer; problems are added, not thrown. */
    List<X509Certificate> fetch(X509Certificate certificate, List<String> problems) {
        List<X509Certificate> found = new ArrayList<>();
        for (String url : CertificateFields.caIssuersUrls(certificate)) {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                problems.add("caIssuers URL " + url + " is malformed");
                continue;
            }
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            if (!allowedHosts.contains(host)) {
                problems.add("caIssuers host " + host + " is not allowed (" + url + ")");
                continue;
            }
            try {
                found.addAll(parse(fetcher.get(uri, maxBytes)));
            } catch (FetchException e) {
                problems.add("caIssuers " + e.getMessage());
            } catch (IllegalArgumentException e) {
                problems.add("caIssuers " + url + " sent no certificate");
            }
        }
        return found;
    }

    private static List<X509Certificate> parse(byte[] body) {
        String text = new String(body, StandardCharsets.US_ASCII);
        if (text.contains("-----BEGIN CERTIFICATE-----")) {
            return limit(Pem.parseCertificates(text));
        }
        try {
            return List.of(Pem.parseCertificate(body));
        } catch (IllegalArgumentException notOneCertificate) {
            try {
                List<X509Certificate> certificates = new ArrayList<>();
                for (X509CertificateHolder holder : new CMSSignedData(body).getCertificates().getMatches(null)) {
                    certificates.add(Pem.parseCertificate(holder.getEncoded()));
                }
                return limit(certificates);
            } catch (Exception e) {
                throw new IllegalArgumentException("neither a certificate nor certs-only CMS", e);
            }
        }
    }

    private static List<X509Certificate> limit(List<X509Certificate> certificates) {
        return certificates.size() > MAX_CERTIFICATES ? certificates.subList(0, MAX_CERTIFICATES) : certificates;
    }
}
