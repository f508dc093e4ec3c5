package no.samrad.dashboard;

import static no.samrad.support.Agreements.post;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.samrad.support.Agreements;
import no.samrad.support.Api;
import no.samrad.support.Browser;
import no.samrad.support.Tokens;
import no.samrad.support.WithDemoData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The issue's acceptance on the embedded default's 2021 material, in a real browser. */
@QuarkusTest
@TestProfile(DashboardDemoPageTest.OwnDemoData.class)
class DashboardDemoPageTest {

    /** A start of its own, on a fresh store: the test adds records that DemoDataTest must not see. */
    public static class OwnDemoData extends WithDemoData {
    }

    private static final Path SCREENSHOT = Path.of("target/dashboard-2021-screenshot.png");

    @TestHTTPResource("/")
    URL page;

    private static int card(WebDriver browser, String id) {
        return Integer.parseInt(browser.findElement(By.cssSelector("#" + id + " .value")).getText());
    }

    @Test
    void thePageShowsThe2021MaterialAndARenewalWithinTwoSeconds() throws IOException {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.given().queryParam("status", "EXPIRED")
                .when().get("/api/v1/agreements").then().body("total", equalTo(10)));
        Map<String, Integer> agreementsThen = Api.given().queryParam("on", "2021-04-20").when()
                .get("/api/v1/dashboard").then().statusCode(200).extract().path("counts.AGREEMENT");
        assertEquals(Map.of("ACTIVE", 10, "PROPOSED", 2), agreementsThen,
                "all ten in force, and the two agreements the material proposes (from its month, April 2021)");
        try (Browser opened = Browser.open()) {
            WebDriver browser = opened.driver();
            opened.signIn(page.toString(), Tokens.token("KS", "samrad:read"));

            opened.settled(() -> {
                assertEquals(10, browser.findElements(By.cssSelector("li[data-agreement]")).size());
                assertEquals(3, card(browser, "card-open-cost-cases"));
                assertEquals(3, browser.findElements(By.cssSelector("#cost-case-table tbody tr")).size());
                String waiting = browser.findElement(By.id("waiting-table")).getText();
                assertTrue(waiting.contains("Ny opplæringslov"), waiting);
            });

            WebElement on = browser.findElement(By.id("on"));
            on.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            on.sendKeys("20.04.2021", Keys.ENTER);
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(
                    By.id("cards-heading"), "Oversikt per 20. april 2021"));
            opened.settled(() -> {
                String counts = browser.findElement(By.id("counts-table")).getText();
                assertTrue(counts.contains("Avtaler aktiv 10"), counts);
                assertFalse(counts.contains("utløpt"), counts);
                assertEquals(10, card(browser, "card-in-force"));
                assertEquals(10, browser.findElements(By.cssSelector("li[data-agreement][data-in-force=true]"))
                        .size());
                assertEquals(5, card(browser, "card-expiring-year"));
            });
            opened.assertAccessible("the 2021 material as on 20 April 2021");
            Files.write(SCREENSHOT, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

            String id = Agreements.enter("Avtale som fornyes mens siden er åpen", List.of("HOD", "KS"),
                    java.time.LocalDate.of(2025, 1, 1), java.time.LocalDate.of(2027, 1, 31));
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("li[data-agreement='" + id + "']")));
            ((JavascriptExecutor) browser).executeScript("window.samradNotReloaded = true;");
            post("/api/v1/agreements/" + id + "/renewals", Map.of("enteredOn", "2026-06-01",
                    "expiresOn", "2030-12-31")).statusCode(200);
            long renewed = System.nanoTime();
            new WebDriverWait(browser, Duration.ofSeconds(2)).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#changes li[data-type='AgreementRenewed'][data-record='" + id + "']")));
            System.out.println("On the 2021 material, the renewal appeared on the page "
                    + (System.nanoTime() - renewed) / 1_000_000 + " ms after its answer");
            assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript(
                    "return window.samradNotReloaded;"));
        }
    }
}
