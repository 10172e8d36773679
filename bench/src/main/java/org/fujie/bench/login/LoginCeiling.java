package org.fujie.bench.login;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.ContentSigner;
import org.fujie.bench.SigningCeiling;
import org.fujie.pki.crypto.CryptoProviders;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.crypto.Verifiers;
import org.fujie.pki.operator.JcaSigningKey;
import org.fujie.pki.operator.SigningKey;

/**
 * The peer in the same run: the public-key work one login cannot avoid, in process, through Bouncy Castle as
 * trust-service does it. Per operation: the user's SHA256withECDSA signature over a nonce (as LoginSignatures
 * verifies it: a fresh BC Signature), the path's two certificate signatures (the user's under the issuing CA, the
 * issuing CA's under the root anchor, pki-core's Verifiers.signedBy as the PathBuilder calls it; with the bootstrap's
 * hierarchy the root is EC-P384, the issuing CA and the users EC-P256) and one ES256 token
 * signature (a fresh ContentSigner of an in-memory EC-P256 key over a real token's signing input, as
 * KeyBackendJwsSigner signs). Any verification that fails stops the run. OCSP is not in it: the service caches the
 * answers (fujie.auth.revocation-max-age), so a steady-state login verifies no OCSP signature.
 */
final class LoginCeiling {

    private record Case(X509Certificate user, X509Certificate issuing, X509Certificate root, byte[] nonce, byte[] signature) {
    }

    private final List<Case> cases = new ArrayList<>();
    private final SigningKey tokenKey;
    private final byte[] signingInput;

    LoginCeiling(List<LoginUser> users, String token) throws GeneralSecurityException {
        for (LoginUser user : users) {
            X509Certificate issuing = issuerOf(user.certificate(), user);
            X509Certificate root = issuerOf(issuing, user);
            String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(user.serial().getBytes(StandardCharsets.US_ASCII));
            cases.add(new Case(user.certificate(), issuing, root, nonce.getBytes(StandardCharsets.UTF_8),
                    Base64.getDecoder().decode(user.sign(nonce))));
        }
        KeyPair pair = KeyAlgorithm.EC_P256.generateKeyPair();
        tokenKey = new JcaSigningKey("bench-token", KeyAlgorithm.EC_P256, pair.getPrivate(),
                SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()));
        signingInput = token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
        for (int part = 0; part < PARTS.size(); part++) {
            run(part, 0);
        }
    }

    /** The parts of a login's crypto, by name; {@link #measure} runs them all per operation. */
    static final List<String> PARTS = List.of("user signature over the nonce", "user certificate under the issuing CA",
            "issuing CA under the root", "token signature (ES256)");

    /** Logins' worth of crypto per second on {@code threads} threads. */
    SigningCeiling.Result measure(int threads, int warmupSeconds, int seconds, long serverPid) throws InterruptedException {
        return SigningCeiling.measure(threads, warmupSeconds, seconds, serverPid, i -> {
            for (int part = 0; part < PARTS.size(); part++) {
                run(part, i);
            }
        });
    }

    /** Each part alone, per second (measured right after {@link #measure}, so already compiled: 1 s warm-up). */
    Map<String, SigningCeiling.Result> parts(int threads, int seconds, long serverPid) throws InterruptedException {
        Map<String, SigningCeiling.Result> rates = new LinkedHashMap<>();
        for (int part = 0; part < PARTS.size(); part++) {
            int p = part;
            rates.put(PARTS.get(part), SigningCeiling.measure(threads, 1, seconds, serverPid, i -> run(p, i)));
        }
        return rates;
    }

    /** The keys the parts use, e.g. "user EC 256, issuing CA EC 256, root EC 384 bits". */
    String keys() {
        Case c = cases.get(0);
        return "user " + bits(c.user()) + ", issuing CA " + bits(c.issuing()) + ", root " + bits(c.root());
    }

    private static String bits(X509Certificate certificate) {
        return certificate.getPublicKey() instanceof java.security.interfaces.ECPublicKey ec
                ? "EC-P" + ec.getParams().getCurve().getField().getFieldSize() : certificate.getPublicKey().getAlgorithm();
    }

    private void run(int part, int i) {
        Case c = cases.get(Math.floorMod(i, cases.size()));
        try {
            boolean good = switch (part) {
                case 0 -> {
                    Signature verifier = Signature.getInstance("SHA256withECDSA", CryptoProviders.bouncyCastle());
                    verifier.initVerify(c.user().getPublicKey());
                    verifier.update(c.nonce());
                    yield verifier.verify(c.signature());
                }
                case 1 -> Verifiers.signedBy(c.user(), c.issuing().getPublicKey());
                case 2 -> Verifiers.signedBy(c.issuing(), c.root().getPublicKey());
                default -> {
                    ContentSigner signer = tokenKey.newContentSigner();
                    try (OutputStream out = signer.getOutputStream()) {
                        out.write(signingInput);
                    }
                    yield signer.getSignature().length >= 64;
                }
            };
            if (!good) {
                throw new IllegalStateException(PARTS.get(part) + " failed for " + c.user().getSubjectX500Principal());
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static X509Certificate issuerOf(X509Certificate certificate, LoginUser user) {
        return user.certificates().stream()
                .filter(c -> c.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the chain of " + user.subject() + " lacks the issuer of "
                        + certificate.getSubjectX500Principal()));
    }
}
