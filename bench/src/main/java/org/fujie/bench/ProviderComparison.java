package org.fujie.bench;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

import org.fujie.pki.crypto.CryptoProviders;

/**
 * Signatures per second of each algorithm with Bouncy Castle and with the JDK's own provider, one
 * thread, in one run: the measurement behind the provider choice in pki-core's KeyAlgorithm.
 * Run: {@code java -cp bench/target/bench-0.1.0-SNAPSHOT.jar org.fujie.bench.ProviderComparison [seconds]}.
 */
public final class ProviderComparison {

    private ProviderComparison() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        Provider bc = CryptoProviders.bouncyCastle();
        Provider jdkEc = Security.getProvider("SunEC");
        Provider jdkRsa = Security.getProvider("SunRsaSign");
        System.out.printf("%-10s %-12s %12s %12s%n", "algorithm", "provider", "sign/s", "verify/s");
        compare("RSA-2048", "RSA", 2048, null, "SHA256withRSA", jdkRsa, bc, seconds);
        compare("EC-P256", "EC", 0, "secp256r1", "SHA256withECDSA", jdkEc, bc, seconds);
        compare("EC-P384", "EC", 0, "secp384r1", "SHA384withECDSA", jdkEc, bc, seconds);
        compare("Ed25519", "Ed25519", 0, null, "Ed25519", jdkEc, bc, seconds);
    }

    private static void compare(String name, String keyType, int bits, String curve, String algorithm, Provider jdk,
            Provider bc, double seconds) throws Exception {
        for (Provider provider : new Provider[] {jdk, bc}) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(keyType, provider);
            if (curve != null) {
                generator.initialize(new ECGenParameterSpec(curve));
            } else if (bits > 0) {
                generator.initialize(bits);
            }
            KeyPair keys = generator.generateKeyPair();
            byte[] data = new byte[400];
            byte[] signature = sign(algorithm, provider, keys, data);
            measure(() -> sign(algorithm, provider, keys, data), seconds / 3);
            double signs = measure(() -> sign(algorithm, provider, keys, data), seconds);
            double verifies = measure(() -> verify(algorithm, provider, keys, data, signature), seconds);
            System.out.printf("%-10s %-12s %,12.0f %,12.0f%n", name, provider.getName(), signs, verifies);
        }
    }

    private interface Operation {
        Object run() throws Exception;
    }

    private static double measure(Operation operation, double seconds) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long count = 0;
        while (System.nanoTime() < end) {
            operation.run();
            count++;
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static byte[] sign(String algorithm, Provider provider, KeyPair keys, byte[] data) throws Exception {
        Signature signature = Signature.getInstance(algorithm, provider);
        signature.initSign(keys.getPrivate());
        signature.update(data);
        return signature.sign();
    }

    private static boolean verify(String algorithm, Provider provider, KeyPair keys, byte[] data, byte[] value) throws Exception {
        Signature signature = Signature.getInstance(algorithm, provider);
        signature.initVerify(keys.getPublic());
        signature.update(data);
        return signature.verify(value);
    }
}
