package org.fujie.pki.operator;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.fujie.pki.crypto.KeyAlgorithm;

/**
 * Keys in a PKCS#11 token (an HSM, SoftHSM2 in the tests) through the JDK's SunPKCS11 provider. Keys are generated
 * inside the token as persistent, sensitive, non-extractable objects and never leave it: signing happens in the
 * token. SunPKCS11 finds a private key by alias only beside a certificate, so each generated key is stored with a
 * self-signed placeholder certificate that says so (the CA's real certificate lives in Fujie's database).
 */
public final class Pkcs11KeyBackend implements KeyBackend {

    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    // Generated keys are token objects that cannot be read out (PKCS#11 v2.40 4.9: CKA_SENSITIVE, CKA_EXTRACTABLE).
    private static final String KEY_ATTRIBUTES = """
            attributes(generate, CKO_PRIVATE_KEY, *) = {
              CKA_TOKEN = true
              CKA_PRIVATE = true
              CKA_SENSITIVE = true
              CKA_EXTRACTABLE = false
              CKA_SIGN = true
            }
            attributes(generate, CKO_PUBLIC_KEY, *) = {
              CKA_TOKEN = true
              CKA_VERIFY = true
            }
            """;

    private final Provider provider;
    private final KeyStore token;
    private final String description;
    private final Map<String, SigningKey> loaded = new ConcurrentHashMap<>();

    private Pkcs11KeyBackend(Provider provider, KeyStore token, String description) {
        this.provider = provider;
        this.token = token;
        this.description = description;
    }

    /**
     * Logs in to the token in the slot (by PKCS#11 slot id) of the library with the user PIN. A wrong PIN, an unknown
     * slot or a missing library is a {@link KeyBackendException} that names which, never the PIN. PKCS#11 logs a
     * process in per token: once one backend is open, another on the same token is not asked for the PIN again, so
     * open each token once.
     */
    public static Pkcs11KeyBackend open(Path library, long slot, char[] pin) {
        if (!Files.isReadable(library)) {
            throw new KeyBackendException("PKCS#11 library " + library + " cannot be read");
        }
        String description = "PKCS#11 slot " + slot + " of " + library;
        String config = "--name = Fujie-" + slot + "-" + Integer.toHexString(library.toString().hashCode()) + "\n"
                + "library = " + library + "\n"
                + "slot = " + slot + "\n"
                + KEY_ATTRIBUTES;
        Provider provider;
        try {
            provider = Security.getProvider("SunPKCS11").configure(config);
        } catch (RuntimeException e) {
            throw new KeyBackendException("cannot open " + description + ": " + rootMessage(e), e);
        }
        try {
            KeyStore token = KeyStore.getInstance("PKCS11", provider);
            token.load(null, pin);
            return new Pkcs11KeyBackend(provider, token, description);
        } catch (IOException | GeneralSecurityException e) {
            throw new KeyBackendException("cannot log in to " + description + ": " + rootMessage(e), e);
        }
    }

    /** Like {@link #open(Path, long, char[])}, for the token with this label (see {@link Pkcs11Slots}). */
    public static Pkcs11KeyBackend openByLabel(Path library, String label, char[] pin) {
        if (!Files.isReadable(library)) {
            throw new KeyBackendException("PKCS#11 library " + library + " cannot be read");
        }
        return open(library, Pkcs11Slots.slotOf(library, label), pin);
    }

    @Override
    public String name() {
        return "pkcs11";
    }

    @Override
    public boolean contains(String alias) {
        try {
            return token.isKeyEntry(checked(alias));
        } catch (GeneralSecurityException e) {
            throw new KeyBackendException("cannot list the keys of " + description, e);
        }
    }

    @Override
    public SigningKey generate(String alias, KeyAlgorithm algorithm) {
        if (algorithm == KeyAlgorithm.ED25519 || algorithm == KeyAlgorithm.SM2) {
            throw new KeyBackendException(algorithm.id() + " keys are not supported by the pkcs11 backend");
        }
        if (contains(alias)) {
            throw new KeyBackendException("key " + alias + " exists already");
        }
        try {
            KeyPair pair = algorithm.generateKeyPair(provider);
            X509Certificate placeholder = placeholder(alias, pair, algorithm);
            token.setKeyEntry(alias, pair.getPrivate(), null, new Certificate[] {placeholder});
            SigningKey key = new JcaSigningKey(alias, algorithm, pair.getPrivate(),
                    SubjectPublicKeyInfo.getInstance(placeholder.getPublicKey().getEncoded()), provider);
            loaded.put(alias, key);
            return key;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new KeyBackendException("cannot generate key " + alias + " in " + description + ": " + rootMessage(e), e);
        }
    }

    @Override
    public SigningKey get(String alias) {
        return loaded.computeIfAbsent(checked(alias), this::load);
    }

    private SigningKey load(String alias) {
        try {
            if (!token.isKeyEntry(alias)) {
                throw new KeyBackendException("no key " + alias + " in " + description);
            }
            PrivateKey privateKey = (PrivateKey) token.getKey(alias, null);
            Certificate certificate = token.getCertificate(alias);
            SubjectPublicKeyInfo publicKey = SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded());
            KeyAlgorithm algorithm = KeyAlgorithm.of(publicKey).orElseThrow(
                    () -> new KeyBackendException("key " + alias + " in " + description + " has an unsupported algorithm"));
            return new JcaSigningKey(alias, algorithm, privateKey, publicKey, provider);
        } catch (GeneralSecurityException e) {
            throw new KeyBackendException("cannot read key " + alias + " in " + description + ": " + rootMessage(e), e);
        }
    }

    private X509Certificate placeholder(String alias, KeyPair pair, KeyAlgorithm algorithm) throws GeneralSecurityException {
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.OU, "Fujie key placeholder, not a CA certificate")
                .addRDN(BCStyle.CN, alias).build();
        Instant now = Instant.now();
        try {
            return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                    Date.from(now), Date.from(now.plus(Duration.ofDays(36_500))), name, pair.getPublic())
                    .build(new JcaContentSignerBuilder(algorithm.signatureAlgorithm()).setProvider(provider).build(pair.getPrivate())));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the placeholder certificate", e);
        }
    }

    private static String checked(String alias) {
        if (alias == null || !ALIAS.matcher(alias).matches()) {
            throw new KeyBackendException("invalid key alias: " + alias);
        }
        return alias;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    @Override
    public String toString() {
        return "Pkcs11KeyBackend[" + description + "]";
    }
}
