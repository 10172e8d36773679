package org.fujie.ca.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.fujie.ca.problem.CaProblem;
import org.fujie.ca.store.CaRecord;
import org.fujie.ca.store.CaStore;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.operator.RoutingKeyBackend;
import org.fujie.pki.operator.SigningKey;
import org.fujie.pki.x509.Fingerprints;
import org.fujie.pki.x509.Pem;
import org.fujie.service.audit.AuditEvent;
import org.fujie.service.audit.AuditedTransactions;
import org.fujie.service.problem.CommonProblem;
import org.fujie.service.problem.FujieException;

/**
 * The CA key ceremony: make a CA key in a chosen backend before any CA exists for it, and show a key's backend and
 * public key so the officers can record its fingerprint. A CA is then made from the key ({@code keyAlias} of
 * POST /api/v1/cas). Nothing here can read, print or export a private key: backends hand out signers only.
 */
public final class KeyCeremony {

    /** Ceremony keys are CA keys: the ca- prefix keeps them apart from OCSP, audit and TLS keys and their routes. */
    private static final Pattern ALIAS = Pattern.compile("ca-[a-z0-9][a-z0-9-]{0,62}");

    private final RoutingKeyBackend keys;
    private final CaStore cas;
    private final AuditedTransactions audited;

    public KeyCeremony(RoutingKeyBackend keys, CaStore cas, AuditedTransactions audited) {
        this.keys = keys;
        this.cas = cas;
        this.audited = audited;
    }

    /** A key's public face: where it lives, what it is, its fingerprint (SHA-256 of the SubjectPublicKeyInfo). */
    public record KeyView(String alias, String backend, String algorithm, String publicKeySha256, String publicKeyPem,
            String usedByCa) {
    }

    public KeyView generate(String alias, String algorithmId, String backend, String actor) {
        if (alias == null || !ALIAS.matcher(alias).matches()) {
            throw new FujieException(CaProblem.KEY_REQUEST_INVALID, "alias must be ca- followed by 1-63 lower-case letters, digits or hyphens");
        }
        KeyAlgorithm algorithm = KeyAlgorithm.fromId(String.valueOf(algorithmId))
                .orElseThrow(() -> new FujieException(CaProblem.KEY_REQUEST_INVALID, "unknown algorithm " + algorithmId));
        String target = backend == null ? keys.backendOf(alias) : backend;
        if (!keys.backends().containsKey(target)) {
            throw new FujieException(CaProblem.KEY_REQUEST_INVALID, "no key backend named " + target + " (configured: "
                    + String.join(", ", keys.backends().keySet()) + ")");
        }
        if (keys.contains(alias)) {
            throw new FujieException(CaProblem.KEY_EXISTS, "a key with alias " + alias + " exists (in backend " + keys.backendOf(alias) + ")");
        }
        // The key is made first: a backend cannot take part in the database transaction. Should the audit record fail,
        // the key stays, unused, and a retry with the same alias is refused; the officers see it with GET.
        SigningKey key = keys.backend(target).generate(alias, algorithm);
        KeyView view = view(key, target, null);
        audited.execute(AuditEvent.of(actor, "key.generate", "key:" + alias, Map.of("backend", target,
                "algorithm", algorithm.id(), "publicKeySha256", view.publicKeySha256())), jdbc -> null);
        return view;
    }

    public KeyView show(String alias) {
        if (alias == null || !keys.contains(alias)) {
            throw new FujieException(CommonProblem.NOT_FOUND, "no key with alias " + alias + " in any key backend");
        }
        SigningKey key = keys.get(alias);
        Optional<CaRecord> user = cas.all().stream().filter(ca -> alias.equals(ca.keyAlias())).findFirst();
        return view(key, keys.backendOf(alias), user.map(CaRecord::id).orElse(null));
    }

    private static KeyView view(SigningKey key, String backend, String usedBy) {
        byte[] spki;
        try {
            spki = key.publicKeyInfo().getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KeyView(key.alias(), backend, key.algorithm().id(), Fingerprints.sha256(spki), Pem.encode("PUBLIC KEY", spki), usedBy);
    }
}
