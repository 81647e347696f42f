package org.agendamonitor.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The Debian chromium and chromium-driver packages driven by Selenium, offline: the driver and browser paths are given
 * explicitly so Selenium Manager never runs (it would try to download), and every background network feature is off.
 * Each instance gets a fresh profile directory, deleted on close.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    /**
     * Runs before any page script on every navigation: records CSP violations (there should be none: the page uses
     * no inline script or style) and the moment the first article row enters the DOM.
     */
    private static final String INSTRUMENT = """
            window.__csp = [];
            document.addEventListener('securitypolicyviolation',
              e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
            new MutationObserver((records, observer) => {
              if (document.querySelector('li.article')) {
                window.__firstArticleMs = performance.now();
                observer.disconnect();
              }
            }).observe(document, {childList: true, subtree: true});
            """;

    final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;

    HeadlessChromium(int width, int height) {
        try {
            profile = Files.createTempDirectory("agenda-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
        // Leave a dialog open instead of auto-dismissing it, so a test can see that none ever opened.
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", INSTRUMENT));
    }

    static boolean installed() {
        return Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
    }

    String version() {
        return String.valueOf(driver.getCapabilities().getBrowserVersion());
    }

    String driverVersion() {
        Object chrome = driver.getCapabilities().getCapability("chrome");
        return chrome instanceof Map<?, ?> m ? String.valueOf(m.get("chromedriverVersion")) : "unknown";
    }

    /** The browser console so far, for failure messages. */
    String console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().toString();
    }

    Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Saves a PNG of the viewport under target/screenshots/. */
    Path screenshot(String name) {
        Path target = Path.of("target", "screenshots", name);
        try {
            Files.createDirectories(target.getParent());
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp profile is harmless; the next run uses a new one.
        }
    }
}
