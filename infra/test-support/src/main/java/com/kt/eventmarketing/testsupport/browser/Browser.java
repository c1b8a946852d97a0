package com.kt.eventmarketing.testsupport.browser;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium driven through its own ChromeDriver, for the tests of the pages.
 * <p>
 * Both binaries are named explicitly: Selenium Manager would otherwise try to download a driver, which this
 * workplace (and a locked-down CI) cannot. The flags keep Chromium off the network (no background
 * networking, component updates or sync) and every browser gets a fresh profile, deleted on {@link #close()}.
 * Screenshots go to {@code target/screenshots/} of the module under test, for a person to look at.
 */
public final class Browser implements AutoCloseable {
    /** A phone held upright (iPhone 12–15 class), the size the customer pages are designed for. */
    public static final Dimension PHONE = new Dimension(390, 844);
    public static final Dimension DESKTOP = new Dimension(1366, 768);
    private static final int DESKTOP_MIN_WIDTH = 768;

    static final Path CHROMIUM = Paths.get(System.getProperty("kt.browser.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Paths.get(System.getProperty("kt.browser.chromedriver", "/usr/bin/chromedriver"));

    private static final String NODE_OF_ANOTHER_DOCUMENT = "does not belong to the document";

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A new headless browser at the given window size, JavaScript on. */
    public static Browser open(Dimension size) {
        return open(size, true);
    }

    /** A new headless browser; with {@code javascript} false every page runs without scripts, as some phones do. */
    public static Browser open(Dimension size, boolean javascript) {
        requireInstalled();
        Path profile;
        try {
            profile = Files.createTempDirectory("kt-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
                "--disable-dev-shm-usage", "--lang=ko-KR", "--user-data-dir=" + profile,
                "--window-size=" + size.getWidth() + "," + size.getHeight());
        if (size.getWidth() < DESKTOP_MIN_WIDTH) {
            // headless Chromium will not make a window narrower than 500 px: emulate the phone's viewport instead
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", Map.of(
                    "width", size.getWidth(), "height", size.getHeight(), "pixelRatio", 1.0, "mobile", true,
                    "touch", true)));
        }
        if (!javascript) {
            options.addArguments("--blink-settings=scriptEnabled=false");
        }
        // the console is how a page's CSP violations show ("Refused to load …"): keep it for consoleMessages()
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new Browser(driver, profile);
    }

    /** Fails with what is missing and how to get it, instead of Selenium's attempt to download a driver. */
    static void requireInstalled() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (Debian packages chromium and chromium-driver; infra/test.sh installs them with apt-get)");
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * A wait condition: the document that held {@code element} has been replaced (a form posted, a link followed).
     * While Chromium swaps documents, ChromeDriver may answer a question about the old element with an unknown error,
     * "Node with given id does not belong to the document", instead of a stale element reference; Selenium's own
     * {@code stalenessOf} lets that error end the wait as a failure, so both count as replaced here.
     */
    public static Function<WebDriver, Boolean> replaced(WebElement element) {
        return driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains(NODE_OF_ANOTHER_DOCUMENT)) {
                    return true;
                }
                throw e;
            }
        };
    }

    /** What the pages printed to the console since the last call (errors, CSP violations, logs), one line each. */
    public List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
    }

    /** Saves what the page shows now as {@code target/screenshots/<name>.png} and returns the file. */
    public Path screenshot(String name) {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Path target = Paths.get("target", "screenshots", name + ".png");
        try {
            Files.createDirectories(target.getParent());
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(shot.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temp profile is harmless; the test's result matters more
            }
        }
    }
}
