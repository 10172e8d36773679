package org.fujie.pki.crypto;

import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The JCA providers Fujie uses. Bouncy Castle is appended (never inserted first) so the JDK keeps
 * charge of TLS and PKCS#12; code that wants Bouncy Castle names it explicitly.
 */
public final class CryptoProviders {

    public static final String BC = BouncyCastleProvider.PROVIDER_NAME;

    /** One DRBG per thread: the JDK's default SecureRandom serialises all threads on a global lock. */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(CryptoProviders::newDrbg);

    private CryptoProviders() {
    }

    /** Bouncy Castle, registered on first use; no lock on later calls (they sit on the signing path). */
    public static Provider bouncyCastle() {
        return Holder.PROVIDER;
    }

    /** A CSPRNG owned by the calling thread (NIST SP 800-90A DRBG seeded by the JDK). */
    public static SecureRandom secureRandom() {
        return RANDOM.get();
    }

    private static SecureRandom newDrbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    private static final class Holder {
        static final Provider PROVIDER = register();

        private static synchronized Provider register() {
            Provider provider = Security.getProvider(BC);
            if (provider == null) {
                provider = new BouncyCastleProvider();
                Security.addProvider(provider);
            }
            return provider;
        }
    }
}
