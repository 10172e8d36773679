package org.fujie.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.X509Certificate;
import java.util.Collections;

/**
 * A PKCS#12 opened once, here rather than inside the SDK's TLS set-up, so that a wrong password is told as such
 * (exit 77) and the key is at hand for a log-in signature.
 */
public record Credential(Path file, byte[] pkcs12, char[] password, PrivateKey key, X509Certificate certificate) {

    static Credential open(Path file, char[] password, String passwordHint) {
        byte[] bytes = LocalFiles.read(file, "PKCS#12");
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(bytes), password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    return new Credential(file, bytes, password, (PrivateKey) store.getKey(alias, password),
                            (X509Certificate) store.getCertificate(alias));
                }
            }
            throw new CliException(ExitCode.NO_INPUT, file.getFileName() + " holds no key: give a PKCS#12 with a key and its certificate");
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new CliException(ExitCode.NO_PERMISSION, "wrong password for " + file.getFileName() + ": check " + passwordHint, e);
            }
            throw new CliException(ExitCode.NO_INPUT, file.getFileName() + " is not a PKCS#12 file (" + e.getMessage() + "): check --cert", e);
        } catch (UnrecoverableKeyException e) {
            throw new CliException(ExitCode.NO_PERMISSION, "wrong password for " + file.getFileName() + ": check " + passwordHint, e);
        } catch (GeneralSecurityException e) {
            throw new CliException(ExitCode.NO_INPUT, "cannot open " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        // The password and key never reach a log line or a --debug trace.
        return "Credential[" + file + ", " + (certificate == null ? "?" : certificate.getSubjectX500Principal().getName()) + "]";
    }
}
