package org.fujie.pki.crypto;

import java.security.Provider;
import java.security.Security;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The JCA providers Fujie uses. Bouncy Castle is appended (never inserted first) so the JDK keeps
 * charge of TLS and PKCS#12; code that wants Bouncy Castle names it explicitly.
 */
public final class CryptoProviders {

    public static final String BC = BouncyCastleProvider.PROVIDER_NAME;

    private CryptoProviders() {
    }

    /** Registers Bouncy Castle once and returns it. */
    public static synchronized Provider bouncyCastle() {
        Provider provider = Security.getProvider(BC);
        if (provider == null) {
            provider = new BouncyCastleProvider();
            Security.addProvider(provider);
        }
        return provider;
    }
}
