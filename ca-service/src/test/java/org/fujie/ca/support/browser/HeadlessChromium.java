package org.fujie.ca.support.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium through chromium-driver) that logs in to a service's console with a
 * client certificate, as an administrator's browser does: the certificate in the browser's own NSS database (its own
 * home folder), chosen without a prompt by policy, Fujie's CAs trusted for TLS. Each instance has a fresh profile,
 * its own download folder, and saves screenshots under target/screenshots.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final String baseUrl;
    private final Path home;
    private final Path downloads;
    private final ChromiumPolicy policy;
    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private HeadlessChromium(String baseUrl, Path home, ChromiumPolicy policy) throws IOException {
        this.baseUrl = baseUrl;
        this.home = home;
        this.policy = policy;
        this.downloads = Files.createDirectories(home.resolve("downloads"));
        this.service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                // Chromium finds its NSS database under $HOME.
                .withEnvironment(Map.of("HOME", home.toString())).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + home.resolve("profile"), "--window-size=1280,1100", "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "intl.accept_languages", "en-US,en"));
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    /** A browser for the service at baseUrl (https://host:port) holding this PKCS#12 client certificate. */
    public static HeadlessChromium withClientCertificate(String baseUrl, byte[] pkcs12, char[] password, Path trustChain) {
        requireInstalled();
        Path home = null;
        ChromiumPolicy policy = null;
        try {
            home = BrowserCertificateStore.create(Files.createTempDirectory("fujie-browser-"), pkcs12, password, trustChain);
            URI origin = URI.create(baseUrl);
            policy = ChromiumPolicy.autoSelectCertificateFor(origin.getScheme() + "://" + origin.getHost() + ":" + origin.getPort());
            return new HeadlessChromium(baseUrl, home, policy);
        } catch (IOException | RuntimeException e) {
            if (policy != null) {
                policy.close();
            }
            delete(home);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** Fails with what to install when the browser or the NSS tools are missing (CI's .ci/run installs them). */
    public static void requireInstalled() {
        for (Path tool : List.of(CHROMIUM, CHROMEDRIVER, Path.of("/usr/bin/pk12util"), Path.of("/usr/bin/certutil"))) {
            if (!Files.isExecutable(tool)) {
                throw new IllegalStateException("the console's end-to-end tests drive a real headless browser and need " + tool
                        + ": install Debian's chromium, chromium-driver and libnss3-tools "
                        + "(apt-get install chromium chromium-driver libnss3-tools), as .ci/run does");
            }
        }
    }

    public void open(String path) {
        driver.get(baseUrl + path);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Clicks a button that submits a form and waits until the browser shows the answer. */
    public void submit(String css) {
        afterNavigation(() -> find(css).click());
    }

    /** Does something that makes the browser load another page, and waits until it has. */
    public void afterNavigation(Runnable action) {
        WebElement before = find("html");
        action.run();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(before));
    }

    public boolean has(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    public String text() {
        return find("body").getText();
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Saves what the browser shows as target/screenshots/{name}.png. */
    public Path screenshot(String name) {
        try {
            Path file = Files.createDirectories(SCREENSHOTS).resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file the browser downloaded under this name, once it is complete. */
    public Path download(String filename, Duration timeout) {
        Path file = downloads.resolve(filename);
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (Files.isRegularFile(file) && !Files.exists(downloads.resolve(filename + ".crdownload"))) {
                return file;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("the browser did not download " + filename + " within " + timeout);
    }

    @Override
    public void close() {
        try {
            driver.quit();
            service.stop();
        } finally {
            policy.close();
            delete(home);
        }
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
