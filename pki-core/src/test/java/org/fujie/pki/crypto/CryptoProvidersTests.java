package org.fujie.pki.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class CryptoProvidersTests {

    @Test
    void bouncyCastleThenRegisteredOnceAndLast() throws Exception {
        Provider first = CryptoProviders.bouncyCastle();
        Provider second = CryptoProviders.bouncyCastle();

        Provider[] providers = Security.getProviders();
        assertThat(second).isSameAs(first);
        assertThat(first.getName()).isEqualTo(CryptoProviders.BC).isEqualTo("BC");
        assertThat(Arrays.stream(providers).filter(p -> p.getName().equals("BC"))).hasSize(1);
        // appended, never first: the JDK keeps charge of TLS and PKCS#12
        assertThat(providers[0].getName()).isNotEqualTo("BC");
        assertThat(KeyStore.getInstance("PKCS12").getProvider().getName()).isEqualTo("SUN");
    }
}
