package no.samrad.support;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium, driven by its chromedriver, with axe-core (installed from npm by
 * .ci/run) to check accessibility. Opening one skips the test when any of them is missing, unless
 * {@code samrad.browser.required} is set, as .ci/run sets it: then the test fails.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path AXE = Path.of("target/axe/node_modules/axe-core/axe.min.js");

    /**
     * The browser's language and locale: on purpose neither of the page's, so that a page writing
     * dates (or anything else) as the browser would, rather than as its own language does, fails.
     */
    public static final String LOCALE = "en-US";

    private final WebDriver driver;
    private final Path profile;

    private Browser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static Browser open() {
        List<Path> missing = Stream.of(CHROMIUM, CHROMEDRIVER, AXE).filter(path -> !Files.isReadable(path)).toList();
        if (!missing.isEmpty()) {
            String why = "The browser test needs " + missing + " (.ci/run installs them)";
            if (Boolean.getBoolean("samrad.browser.required")) {
                fail(why);
            }
            assumeTrue(false, why);
        }
        try {
            Path profile = Files.createTempDirectory("samrad-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1400,2600",
                    "--lang=" + LOCALE);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", LOCALE));
            // Both paths are given, so that Selenium Manager never looks for (or downloads) a driver.
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            // The flag and the preference give navigator.language and Accept-Language; Intl's
            // default locale, which a page's formatting falls back to, would still follow the
            // process's (whoever runs the tests) in headless Chromium.
            try {
                driver.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", LOCALE));
            } catch (RuntimeException e) {
                driver.quit();
                throw e;
            }
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens the dashboard page and signs in with the token, as a user pasting it would. */
    public void signIn(String page, String token) {
        driver.get(page);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys(token);
        driver.findElement(By.cssSelector("#token-form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cards")));
    }

    /**
     * Runs checks of what the page shows until they hold, and fails with the last mismatch after ten
     * seconds. The page refreshes its summary whenever the stream brings events (on opening, it
     * replays the most recent ones) and replaces what it showed, so each try reads the page afresh.
     */
    public void settled(Runnable checks) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .ignoring(AssertionError.class).until(ignored -> {
                    checks.run();
                    return true;
                });
    }

    /** Runs axe-core on the page as it is, and fails on any serious or critical violation. */
    @SuppressWarnings("unchecked")
    public void assertAccessible(String what) {
        JavascriptExecutor script = (JavascriptExecutor) driver;
        try {
            script.executeScript(Files.readString(AXE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Map<String, Object> result = (Map<String, Object>) script.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + " axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a',"
                        + " 'wcag21aa', 'best-practice']}})"
                        + ".then(result => done({passes: result.passes.length, violations: result.violations.map(v =>"
                        + " ({id: v.id, impact: v.impact, help: v.help,"
                        + " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))}))"
                        + ".catch(error => done({passes: 0, violations: [{id: 'axe-error', impact: 'critical',"
                        + " help: String(error)}]}));");
        List<Map<String, Object>> violations = (List<Map<String, Object>>) result.get("violations");
        System.out.println("axe on " + what + ": " + result.get("passes") + " rules passed, " + violations.size()
                + " violated");
        violations.forEach(violation -> System.out.println("axe on " + what + ": " + violation));
        assertTrue(((Number) result.get("passes")).intValue() > 0, "axe-core ran no rule on " + what);
        List<Map<String, Object>> serious = violations.stream()
                .filter(violation -> List.of("serious", "critical").contains(violation.get("impact"))).toList();
        assertTrue(serious.isEmpty(), "axe-core finds serious or critical violations on " + what + ": " + serious);
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
