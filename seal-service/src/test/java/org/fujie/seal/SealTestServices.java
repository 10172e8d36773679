package org.fujie.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.fujie.ca.support.FujieTestClient;
import org.fujie.pki.dss.ShippedDss;
import org.fujie.pki.pdf.Pdfsig;
import org.fujie.pki.validation.JdkHttpFetcher;
import org.fujie.pki.x509.Pem;

import tools.jackson.databind.JsonNode;

/**
 * ca-service, trust-service and seal-service on one data folder, with two SEAL_ADMINs (a maker and an approver) and a
 * SEAL_KEEPER; seals made on demand; and the outside judges of what they stamp (DSS as shipped, poppler) set up to
 * trust Fujie's root.
 */
public final class SealTestServices implements AutoCloseable {

    private static final String KEEPER = "CN=Keeper Li,O=Ministry";

    private final RunningSealService services;
    private final FujieTestClient maker;
    private final FujieTestClient approver;
    private final FujieTestClient keeper;
    private final FujieTestClient trustAdmin;
    private final AtomicInteger made = new AtomicInteger();

    private SealTestServices(String... sealArguments) throws InterruptedException {
        services = RunningSealService.startWithTrustService(sealArguments);
        maker = services.withRole("CN=Maker Wang,O=Ministry", "SEAL_ADMIN");
        approver = services.withRole("CN=Approver Zhao,O=Ministry", "SEAL_ADMIN");
        keeper = services.withRole(KEEPER, "SEAL_KEEPER");
        Path chain = services.ca().trustChain();
        Path data = services.ca().dataDir();
        trustAdmin = FujieTestClient.forPkcs12(services.trustUrl(), data.resolve("bootstrap/admin.p12"), data.resolve("bootstrap/admin.pass"),
                chain);
        services.awaitTimeStampAuthority();
    }

    public static SealTestServices start() throws InterruptedException {
        return new SealTestServices();
    }

    /** With more command-line arguments for seal-service (its key backends, say). */
    public static SealTestServices start(String... sealArguments) throws InterruptedException {
        return new SealTestServices(sealArguments);
    }

    /** A browser's certificate for the subject, granted the seal-service role. */
    public org.fujie.ca.support.TestCertificates.Issued user(String subject, String role) {
        return services.user(subject, role);
    }

    public String sealUrl() {
        return services.url();
    }

    public String trustUrl() {
        return services.trustUrl();
    }

    /** The running ca-service (its trust chain, its bootstrap ADMIN's files). */
    public org.fujie.ca.support.RunningCaService ca() {
        return services.ca();
    }

    /** A bean of the running seal-service. */
    public <T> T sealServiceBean(Class<T> type) {
        return services.bean(type);
    }

    public FujieTestClient keeper() {
        return keeper;
    }

    /** A new seal, made by one SEAL_ADMIN and approved by the other, granted to the keeper; its id. */
    public String activeSeal(String name) {
        return activeSeal(name, "EC-P256");
    }

    /** An approved seal whose key has the algorithm (EC-P256, RSA-2048, SM2, ...). */
    public String activeSeal(String name, String algorithm) {
        FujieTestClient.Response created = maker.post("/api/v1/seals", Map.of("name", name, "organization", "北京市数据管理局",
                "type", "CONTRACT", "algorithm", algorithm, "keepers", List.of(KEEPER)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        FujieTestClient.Response approved = approver.post("/api/v1/seals/" + id + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        made.incrementAndGet();
        return id;
    }

    /** The keeper stamps: the stamped PDF with 200, or the problem's JSON as the body. */
    public FujieTestClient.Bytes stamp(String seal, byte[] pdf, String optionsJson) {
        return stamp(seal, "in.pdf", pdf, optionsJson);
    }

    /** The keeper stamps a named document (XML, or any data): the stamped document with 200, or the problem's JSON. */
    public FujieTestClient.Bytes stamp(String seal, String fileName, byte[] document, String optionsJson) {
        return keeper.postFilesForBytes("/api/v1/seals/" + seal + "/stamp", List.of(new FujieTestClient.FilePart("document", fileName,
                document), new FujieTestClient.FilePart("options", "options.json", optionsJson.getBytes())));
    }

    /** The seal's usage records, as a SEAL_ADMIN lists them. */
    public JsonNode usage(String seal) {
        FujieTestClient.Response response = maker.get("/api/v1/seals/" + seal + "/usage");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** trust-service's verification report of the document. */
    public JsonNode trustServiceVerify(byte[] pdf) {
        FujieTestClient.Response response = trustAdmin.postFile("/api/v1/verify", "document", "stamped.pdf", pdf);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** A GET of the seal-service API as the keeper, keeping the bytes (an SESeal, an image). */
    public FujieTestClient.Bytes keeperGet(String path) {
        return keeper.getBytes(path);
    }

    /** trust-service's report on a file alone (an SESeal). */
    public JsonNode trustServiceVerifyFile(String fileName, byte[] file) {
        FujieTestClient.Response response = trustAdmin.postFile("/api/v1/verify", "document", fileName, file);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** trust-service's report on a detached signature, with the data it signs under its name. */
    public JsonNode trustServiceVerify(byte[] signature, String dataName, byte[] data) {
        FujieTestClient.Response response = trustAdmin.postFiles("/api/v1/verify", List.of(
                new FujieTestClient.FilePart("document", "signature.xml", signature), new FujieTestClient.FilePart("detached", dataName, data)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** The PEM of each of Fujie's CA certificates (root first as the bootstrap writes them). */
    public List<String> caPems() throws Exception {
        List<String> pems = new ArrayList<>();
        for (X509Certificate certificate : chain()) {
            pems.add(Pem.encode("CERTIFICATE", certificate.getEncoded()));
        }
        return pems;
    }

    /**
     * DSS as it ships, trusting Fujie's root, given the current CRLs of every CA the document's signatures name (DSS
     * fetches nothing; B-LT and higher carry their own revocation data anyway).
     */
    public ShippedDss.Report dss(byte[] pdf) throws Exception {
        List<byte[]> roots = new ArrayList<>();
        for (X509Certificate certificate : chain()) {
            if (certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                roots.add(certificate.getEncoded());
            }
        }
        List<byte[]> crls = new ArrayList<>();
        JdkHttpFetcher fetcher = JdkHttpFetcher.withDefaults();
        for (String url : crlUrls(pdf)) {
            crls.add(fetcher.get(URI.create(url), 10 * 1024 * 1024));
        }
        return ShippedDss.validate(pdf, roots, crls);
    }

    /** poppler's pdfsig with Fujie's CAs trusted in its NSS database. */
    public Pdfsig pdfsig(Path dir) throws Exception {
        return Pdfsig.trusting(dir, caPems());
    }

    /** The document, encrypted with an owner and a user password (AES-128). */
    public static byte[] encrypted(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        }
    }

    private List<X509Certificate> chain() throws IOException {
        return Pem.parseCertificates(Files.readString(services.ca().trustChain()));
    }

    /** The CRL distribution points of every certificate in the document's signatures and of Fujie's CAs. */
    private Set<String> crlUrls(byte[] pdf) throws Exception {
        List<X509CertificateHolder> certificates = new ArrayList<>();
        for (X509Certificate certificate : chain()) {
            certificates.add(new X509CertificateHolder(certificate.getEncoded()));
        }
        if (!new String(pdf, 0, Math.min(pdf.length, 1024), java.nio.charset.StandardCharsets.ISO_8859_1).contains("%PDF-")) {
            certificates.addAll(xmlCertificates(pdf));
        } else {
            try (PDDocument document = Loader.loadPDF(pdf)) {
                for (var signature : document.getSignatureDictionaries()) {
                    try (var in = new org.bouncycastle.asn1.ASN1InputStream(signature.getContents(pdf))) {
                        var cms = new org.bouncycastle.cms.CMSSignedData(org.bouncycastle.asn1.cms.ContentInfo.getInstance(in.readObject()));
                        certificates.addAll(cms.getCertificates().getMatches(null));
                    }
                }
            }
        }
        Set<String> urls = new LinkedHashSet<>();
        for (X509CertificateHolder certificate : certificates) {
            Extension extension = certificate.getExtension(Extension.cRLDistributionPoints);
            if (extension == null) {
                continue;
            }
            for (DistributionPoint point : CRLDistPoint.getInstance(extension.getParsedValue()).getDistributionPoints()) {
                if (point.getDistributionPoint() != null && point.getDistributionPoint().getName() instanceof GeneralNames names) {
                    for (GeneralName name : names.getNames()) {
                        if (name.getTagNo() == GeneralName.uniformResourceIdentifier) {
                            urls.add(name.getName().toString());
                        }
                    }
                }
            }
        }
        return urls;
    }

    /** The certificates an XML signature carries (KeyInfo and CertificateValues), found by their element names. */
    private static List<X509CertificateHolder> xmlCertificates(byte[] xml) throws IOException {
        List<X509CertificateHolder> certificates = new ArrayList<>();
        var matcher = java.util.regex.Pattern.compile("<(?:ds:X509Certificate|xades:EncapsulatedX509Certificate)>([^<]+)<")
                .matcher(new String(xml, java.nio.charset.StandardCharsets.UTF_8));
        while (matcher.find()) {
            certificates.add(new X509CertificateHolder(java.util.Base64.getMimeDecoder().decode(matcher.group(1).replace("&#xD;", ""))));
        }
        return certificates;
    }

    @Override
    public void close() {
        services.close();
    }
}
