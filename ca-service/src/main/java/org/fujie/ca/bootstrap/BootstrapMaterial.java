package org.fujie.ca.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.fujie.ca.authority.AuthorityFactory;
import org.fujie.ca.authority.AuthorityTemplates;
import org.fujie.ca.authority.CertificateAuthority;
import org.fujie.ca.authority.NewCa;
import org.fujie.ca.authority.PublicEndpoints;
import org.fujie.ca.config.FujieProperties;
import org.fujie.service.config.KeyPassphrase;
import org.fujie.service.config.ServiceTls;
import org.fujie.ca.issuance.IssuanceInput;
import org.fujie.ca.issuance.IssuancePolicy;
import org.fujie.ca.profile.ProfileRegistry;
import org.fujie.ca.store.CaRecord;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.keystore.Pkcs12Builder;
import org.fujie.pki.operator.KeyBackend;
import org.fujie.pki.x509.Pem;
import org.fujie.pki.x509.SecureFiles;
import org.fujie.pki.x509.SubjectAltNames;
import org.fujie.pki.x509.SubjectNames;
import org.springframework.core.env.PropertyResolver;

/**
 * The material a fresh installation needs, made once under the data folder: the {@code root} and
 * {@code issuing} CAs (keys where {@code fujie.keys.routes} sends CA keys, software by default), the services' TLS certificates, the TLS trust
 * store, and the ADMIN client certificate with {@code trust-chain.pem} in {@code bootstrap/}. Each
 * piece is made only if missing, so a start interrupted half-way completes on the next one.
 * The database learns about it in {@link BootstrapRecorder}.
 */
public final class BootstrapMaterial {

    static final String ROOT = "root";
    static final String ISSUING = "issuing";
    private static final String SERVICE = "ca-service";
    /** The services of one installation: ca-service's bootstrap makes the TLS certificate of each. */
    private static final List<String> SERVICES = List.of(SERVICE, "trust-service", "seal-service");

    private final FujieProperties properties;
    private final Path dataDir;
    private final KeyBackend keys;
    private final AuthorityFactory factory;
    private final IssuancePolicy policy;
    private final ProfileRegistry profiles;

    public BootstrapMaterial(FujieProperties properties, Path dataDir, KeyBackend keys) {
        this.properties = properties;
        this.dataDir = dataDir;
        this.keys = keys;
        PublicEndpoints endpoints = new PublicEndpoints(properties.getPublicBaseUrl());
        this.factory = new AuthorityFactory(keys, new AuthorityTemplates(endpoints));
        this.policy = new IssuancePolicy(endpoints, properties.getCa().getBackdate(), Clock.systemUTC());
        this.profiles = new ProfileRegistry(properties.getCa().getProfiles());
    }

    public void ensure() {
        CertificateAuthority root = ensureCa(new NewCa(ROOT, properties.getBootstrap().getRootSubject(),
                properties.getBootstrap().getRootAlgorithm(), null, 7300, null), null);
        CertificateAuthority issuing = ensureCa(new NewCa(ISSUING, properties.getBootstrap().getIssuingSubject(),
                properties.getBootstrap().getIssuingAlgorithm(), ROOT, 3650, 0), root);
        List<X509Certificate> anchors = List.of(jca(root.certificate()), jca(issuing.certificate()));
        Path bootstrap = dataDir.resolve("bootstrap");
        if (!Files.exists(bootstrap.resolve("trust-chain.pem"))) {
            SecureFiles.writePublic(bootstrap.resolve("trust-chain.pem"),
                    (pem(root.certificate()) + pem(issuing.certificate())).getBytes(StandardCharsets.US_ASCII));
        }
        if (!Files.exists(ServiceTls.trustStore(dataDir))) {
            char[] password = KeyPassphrase.secretFile(ServiceTls.trustStorePassword(dataDir));
            SecureFiles.writeOwnerOnly(ServiceTls.trustStore(dataDir), Pkcs12Builder.trustStore(anchors, password));
        }
        for (String service : SERVICES) {
            if (!Files.exists(ServiceTls.keyStore(dataDir, service))) {
                List<String> names = new ArrayList<>(List.of("dns:localhost", "ip:127.0.0.1"));
                properties.getBootstrap().getTlsNames().forEach(names::add);
                issueToFile(issuing, "tls-server", "CN=" + service + ",O=Fujie", names, service,
                        ServiceTls.keyStore(dataDir, service), ServiceTls.keyStorePassword(dataDir, service));
            }
        }
        if (!Files.exists(bootstrap.resolve("admin.p12"))) {
            issueToFile(issuing, "tls-client", properties.getBootstrap().getAdminSubject(), List.of(), "admin",
                    bootstrap.resolve("admin.p12"), bootstrap.resolve("admin.pass"));
        }
    }

    /** Spring Boot's TLS settings for ca-service's TLS key and the client CAs it accepts. */
    public Map<String, Object> serverTlsProperties(PropertyResolver environment) {
        return ServiceTls.serverProperties(dataDir, SERVICE, environment);
    }

    /** Where bootstrap CA certificates are kept until the database has them. */
    static Path caFile(Path dataDir, String id) {
        return dataDir.resolve("ca-service").resolve("bootstrap").resolve(id + ".pem");
    }

    /** Where certificates issued during bootstrap are kept until the database has them: profile--name.pem. */
    static Path issuedDirectory(Path dataDir) {
        return dataDir.resolve("ca-service").resolve("bootstrap").resolve("issued");
    }

    /** The stored form of a bootstrap CA, read back from its file; its key's backend is the one that holds it. */
    static CaRecord caRecord(Path dataDir, String id, String parentId, KeyBackend keys) {
        X509CertificateHolder certificate = readHolder(caFile(dataDir, id));
        KeyAlgorithm algorithm = KeyAlgorithm.of(certificate.getSubjectPublicKeyInfo())
                .orElseThrow(() -> new IllegalStateException("bootstrap CA " + id + " has an unsupported key"));
        try {
            return new CaRecord(id, SubjectNames.format(certificate.getSubject()), algorithm.id(), parentId,
                    keys.backendOf("ca-" + id), "ca-" + id, certificate.getEncoded(), certificate.getNotBefore().toInstant(),
                    certificate.getNotAfter().toInstant(), Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CertificateAuthority ensureCa(NewCa request, CertificateAuthority parent) {
        Path file = caFile(dataDir, request.id());
        if (Files.exists(file)) {
            return factory.load(caRecord(dataDir, request.id(), request.parentId(), keys), parent);
        }
        AuthorityFactory.Made made = factory.make(request, parent);
        SecureFiles.writePublic(file, pem(made.authority().certificate()).getBytes(StandardCharsets.US_ASCII));
        return made.authority();
    }

    private void issueToFile(CertificateAuthority ca, String profileName, String subject, List<String> sans, String alias,
            Path p12, Path passwordFile) {
        KeyPair keyPair = KeyAlgorithm.EC_P256.generateKeyPair();
        var template = policy.prepare(new IssuanceInput(
                profiles.find(profileName).orElseThrow(() -> new IllegalStateException("profile " + profileName + " is not configured")),
                ca, SubjectPublicKeyInfo.getInstance(keyPair.getPublic().getEncoded()), KeyAlgorithm.EC_P256,
                SubjectNames.parse(subject), SubjectAltNames.parseAll(sans), null));
        X509CertificateHolder certificate = ca.sign(template);
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(jca(certificate));
        ca.chain().forEach(c -> chain.add(jca(c)));
        char[] password = KeyPassphrase.secretFile(passwordFile);
        SecureFiles.writePublic(issuedDirectory(dataDir).resolve(profileName + "--" + alias + ".pem"),
                pem(certificate).getBytes(StandardCharsets.US_ASCII));
        SecureFiles.writeOwnerOnly(p12, Pkcs12Builder.build(alias, keyPair.getPrivate(), chain, password));
    }

    private static X509CertificateHolder readHolder(Path file) {
        try {
            return new X509CertificateHolder(Pem.decode(Files.readString(file), "CERTIFICATE"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String pem(X509CertificateHolder certificate) {
        try {
            return Pem.certificate(certificate.getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static X509Certificate jca(X509CertificateHolder certificate) {
        try {
            return Pem.parseCertificate(certificate.getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
