package org.fujie.pki.dss;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

/**
 * The EU DSS validator as it ships: DSS 6.3 with the Bouncy Castle it was built with (1.81), in a class loader of
 * its own. Fujie runs on Bouncy Castle 1.87, whose CMSSignedData(byte[]) refuses the zero padding after the DER in
 * a PDF's /Contents (which ISO 32000 allows and every PDF signer writes), so DSS on Fujie's test class path cannot
 * read PDFs that DSS itself, PDFBox or Adobe sign. Maven copies the 1.81 jars to the folder named by the system
 * property {@code fujie.dss.bc} (see the parent pom); the DSS jars are taken from the test class path.
 */
public final class ShippedDss {

    /** One signature as DSS's simple report has it. */
    public record Signature(String id, String indication, String subIndication, String format, String errors) {
    }

    /** DSS's verdict: its signatures in document order, how many time-stamps it found, and the Bouncy Castle it ran on. */
    public record Report(List<Signature> signatures, int timestamps, String bouncyCastle) {

        public boolean allPassedAt(String format) {
            return !signatures.isEmpty()
                    && signatures.stream().allMatch(s -> s.indication().equals("TOTAL_PASSED") && s.format().equals(format));
        }

        /** The levels as DSS names them, "PAdES-BASELINE-B" and so on. */
        public List<String> formats() {
            return signatures.stream().map(Signature::format).toList();
        }
    }

    private static final String[] ISOLATED = {"org.bouncycastle.", "eu.europa.esig.", "org.fujie.dss."};

    private static volatile ClassLoader loader;

    private ShippedDss() {
    }

    public static Report validate(byte[] document, List<byte[]> trustedCertificates, List<byte[]> crls) {
        return validate(document, null, trustedCertificates, crls, null);
    }

    @SuppressWarnings("unchecked")
    public static Report validate(byte[] document, byte[] detached, List<byte[]> trustedCertificates, List<byte[]> crls, Date at) {
        ClassLoader isolated = loader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // DSS finds its CMS and PDF implementations with ServiceLoader, which asks the context class loader.
        thread.setContextClassLoader(isolated);
        try {
            List<String[]> rows = (List<String[]>) Class.forName("org.fujie.dss.ShippedDssBridge", true, isolated)
                    .getMethod("validate", byte[].class, byte[].class, List.class, List.class, Date.class)
                    .invoke(null, document, detached, trustedCertificates, crls, at);
            List<Signature> signatures = new ArrayList<>();
            int timestamps = 0;
            String bouncyCastle = null;
            for (String[] row : rows) {
                if (row[0].equals("timestamps")) {
                    timestamps = Integer.parseInt(row[1]);
                    bouncyCastle = row[2];
                } else {
                    signatures.add(new Signature(row[0], row[1], row[2], row[3], row[4]));
                }
            }
            return new Report(List.copyOf(signatures), timestamps, bouncyCastle);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("DSS failed: " + cause, cause);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static ClassLoader loader() {
        if (loader == null) {
            synchronized (ShippedDss.class) {
                if (loader == null) {
                    loader = new ChildFirst(urls(), ShippedDss.class.getClassLoader());
                }
            }
        }
        return loader;
    }

    private static URL[] urls() {
        String bcDir = System.getProperty("fujie.dss.bc");
        if (bcDir == null) {
            throw new IllegalStateException("system property fujie.dss.bc (DSS's Bouncy Castle jars) is not set: run through Maven");
        }
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> jars = Files.list(Path.of(bcDir))) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                urls.add(jar.toUri().toURL());
            }
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            for (String entry : classPath.split(File.pathSeparator)) {
                if (entry.contains("sd-dss")) {
                    urls.add(Path.of(entry).toUri().toURL());
                }
            }
            urls.add(ShippedDss.class.getProtectionDomain().getCodeSource().getLocation());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (urls.stream().noneMatch(u -> u.getPath().contains("dss-pades"))) {
            throw new IllegalStateException("DSS is not on the test class path: " + urls);
        }
        return urls.toArray(URL[]::new);
    }

    /** Loads DSS, Bouncy Castle and the bridge itself first; everything else (PDFBox, JAXB, SLF4J) from the parent. */
    private static final class ChildFirst extends URLClassLoader {

        ChildFirst(URL[] urls, ClassLoader parent) {
            super("shipped-dss", urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (Arrays.stream(ISOLATED).noneMatch(name::startsWith)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = findClass(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }
}
