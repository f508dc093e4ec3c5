package no.samrad.dashboard;

import static no.samrad.support.Agreements.enter;
import static no.samrad.support.Agreements.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.samrad.support.Api;
import no.samrad.support.Browser;
import no.samrad.support.Cases;
import no.samrad.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard page in a real browser (see {@link Browser}): signed in with a token, checked
 * against the API, followed live, and checked for accessibility with axe-core.
 */
@QuarkusTest
class DashboardPageTest {

    private static final Path SCREENSHOT = Path.of("target/dashboard-screenshot.png");
    private static final Duration LIVE = Duration.ofSeconds(2);

    @TestHTTPResource("/")
    URL page;

    private Browser opened;
    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        opened = Browser.open();
        browser = opened.driver();
    }

    @AfterEach
    void closeBrowser() {
        if (opened != null) {
            opened.close();
        }
    }

    private WebDriverWait waiting(Duration timeout) {
        return new WebDriverWait(browser, timeout);
    }

    private void signIn() {
        browser.get(page.toString());
        WebElement token = waiting(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("token")));
        axe("the sign-in form");
        // By keyboard alone: the skip link first, then into the main content, the token, and sign in.
        Actions keyboard = new Actions(browser);
        keyboard.sendKeys(Keys.TAB).perform();
        assertEquals("skip", browser.switchTo().activeElement().getAttribute("class"));
        keyboard.sendKeys(Keys.ENTER).sendKeys(Keys.TAB).perform();
        assertEquals(token, browser.switchTo().activeElement());
        keyboard.sendKeys(Tokens.token("KS", "samrad:read")).sendKeys(Keys.TAB).sendKeys(Keys.ENTER).perform();
        waiting(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("cards")));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private int card(String id) {
        return Integer.parseInt(browser.findElement(By.cssSelector("#" + id + " .value")).getText());
    }

    private static JsonPath dashboard(String query) {
        return Api.given().when().get("/api/v1/dashboard" + query).then().statusCode(200).extract().jsonPath();
    }

    private void cardsAgreeWith(JsonPath api) {
        assertEquals(api.getList("timeline.findAll { it.inForce }").size(), card("card-in-force"));
        assertEquals(api.getList("expiring.thisYear").size(), card("card-expiring-year"));
        assertEquals(api.getList("expiring.within90Days").size(), card("card-expiring-90"));
        assertEquals(api.getList("expiring.within180Days").size(), card("card-expiring-180"));
        assertEquals(api.getList("openCostCases").size(), card("card-open-cost-cases"));
        assertEquals(api.getList("awaitingDecision").size(), card("card-awaiting-decision"));
        assertEquals(api.getList("nextMeetings").size(), card("card-next-meetings"));
        assertEquals(api.getList("timeline").size(), browser.findElements(By.cssSelector("li[data-agreement]")).size());
    }

    @Test
    void theDashboardShowsTheRecordAndARenewalArrivesLiveWithoutAReload() throws IOException {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Oslo"));
        String running = enter("Avtale om nettleseren", List.of("KD", "KS"), today.minusYears(2), today.plusDays(30));
        String later = enter("Avtale om skjermlesere", List.of("HOD", "KS"), today.minusYears(1), today.plusDays(150));
        String meeting = post("/api/v1/meetings", Map.of("kind", "SECOND_CONSULTATION",
                "date", today.plusMonths(2).toString())).statusCode(201).extract().path("id");
        Map<String, Object> cost = new HashMap<>(Cases.newCase("COST_CALCULATION", "Kostnader ved nettleserreformen",
                List.of("KD"), meeting));
        cost.put("reform", "Nettleserreformen");
        String costCase = Cases.report(cost);
        Api.as("KD", Api.KS_READ_WRITE).contentType("application/json")
                .body(Map.of("amountNok", 1234567.5, "periodFrom", today.getYear() + 1, "basis", "B", "method", "M"))
                .when().post("/api/v1/cost-cases/" + costCase + "/estimates").then().statusCode(200);
        Map<String, Object> law = new HashMap<>(Cases.newCase("LAW_PARTICIPATION", "Ny lov om nettlesere",
                List.of("KD"), meeting));
        law.put("law", Map.of("title", "Lov om nettlesere"));
        String request = Cases.report(law);
        String agendaCase = Cases.report(Cases.newCase("SECTOR_MATTER", "Universell utforming av sakslister",
                List.of("KD"), meeting));
        post("/api/v1/cases/" + agendaCase + "/agenda-items", Map.of("meeting", meeting)).statusCode(200);

        signIn();

        opened.settled(() -> {
            cardsAgreeWith(dashboard(""));
            WebElement row = browser.findElement(By.cssSelector("li[data-agreement='" + running + "']"));
            assertEquals("true", row.getAttribute("data-in-force"));
            assertEquals(1, row.findElements(By.cssSelector("rect")).size());
            assertTrue(text("expiring-90").contains("Avtale om nettleseren"), text("expiring-90"));
            assertTrue(text("expiring-180").contains("Avtale om skjermlesere"), text("expiring-180"));
            assertTrue(text("expiring-90").contains("(30 dager igjen)"), text("expiring-90"));
            String costRow = browser.findElement(By.xpath("//table[@id='cost-case-table']//tr[td/a[@href='#/cases/"
                    + costCase + "']]")).getText().replace('\u00a0', ' ').replace('\u202f', ' ');
            assertTrue(costRow.contains("1 234 567,50 kr"), costRow);
            String waitingRow = browser.findElement(By.xpath("//table[@id='waiting-table']//tr[td/a[@href='#/cases/"
                    + request + "']]")).getText();
            assertTrue(waitingRow.endsWith(" 0"), waitingRow);
            String meetings = text("meetings");
            assertTrue(meetings.contains("Universell utforming av sakslister"), meetings);
            assertTrue(meetings.contains(today.plusMonths(2).getDayOfMonth() + ". "), meetings);
        });
        waiting(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("live"),
                "Direkte: nye endringer vises her straks de er registrert."));

        ((JavascriptExecutor) browser).executeScript("window.samradNotReloaded = true;");
        post("/api/v1/agreements/" + running + "/renewals", Map.of("enteredOn", today.toString(),
                "expiresOn", today.plusYears(4).toString())).statusCode(200);
        long renewed = System.nanoTime();
        waiting(LIVE).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "#changes li[data-type='AgreementRenewed'][data-record='" + running + "']")));
        long millis = (System.nanoTime() - renewed) / 1_000_000;
        System.out.println("The renewal appeared on the page " + millis + " ms after its answer");
        waiting(LIVE).until(driver -> driver.findElements(By.cssSelector("li[data-agreement='" + running + "'] rect"))
                .size() == 2);
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.samradNotReloaded;"));
        opened.settled(() -> {
            assertTrue(text("changes").contains("Avtale fornyet: Avtale om nettleseren"), text("changes"));
            assertTrue(!text("expiring-90").contains("Avtale om nettleseren"),
                    "renewed from today, it no longer runs out");
            cardsAgreeWith(dashboard(""));
        });

        axe("the dashboard");
        Files.write(SCREENSHOT, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        opened.settled(() -> browser.findElement(By.cssSelector("li[data-agreement='" + running + "'] a"))
                .click());
        waiting(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("history-table")));
        assertEquals("Historikk: Avtale om nettleseren", text("history-heading"));
        assertTrue(text("history-table").contains("Avtale fornyet"), text("history-table"));
        axe("a record's history");
    }

    /** Types into the date field, as a user at the keyboard would, over what it holds. */
    private WebElement typeDate(CharSequence... keys) {
        WebElement field = browser.findElement(By.id("on"));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        field.sendKeys(keys);
        return field;
    }

    private void dateFieldIs(String value) {
        waiting(Duration.ofSeconds(10)).until(ExpectedConditions.domPropertyToBe(browser.findElement(By.id("on")),
                "value", value));
    }

    private void headingIs(String text) {
        waiting(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("cards-heading"), text));
    }

    private void dateErrorIs(String message) {
        waiting(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("on-error"), message));
        WebElement field = browser.findElement(By.id("on"));
        assertEquals(message.isEmpty() ? null : "true", field.getDomAttribute("aria-invalid"));
        assertTrue(field.getDomAttribute("aria-describedby").contains("on-error"), "the message describes the field");
    }

    @Test
    void theDateFieldWritesDaysAsThePageDoesNotAsTheBrowserDoes() {
        signIn();
        JavascriptExecutor script = (JavascriptExecutor) browser;
        // The premise: left to itself, this browser writes 2 December 2026 the American way.
        assertEquals(Browser.LOCALE, script.executeScript("return navigator.language;"));
        assertEquals("12/2/2026", script.executeScript(
                "return new Intl.DateTimeFormat().format(new Date(2026, 11, 2));"));

        LocalDate today = LocalDate.parse(dashboard("").getString("on"));
        WebElement field = browser.findElement(By.id("on"));
        dateFieldIs(today.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
        assertEquals("Vis oversikten per dato", field.getAccessibleName());
        WebElement hint = browser.findElement(By.id("on-hint"));
        assertTrue(hint.isDisplayed());
        assertEquals("Skriv datoen som dd.mm.åååå, for eksempel 20.04.2021. Pil opp og ned blar én dag.",
                hint.getText());
        assertTrue(field.getDomAttribute("aria-describedby").contains("on-hint"), "the hint describes the field");

        // Day and month may come without their leading zero; the field then writes them in full.
        typeDate("2.5.2092", Keys.ENTER);
        headingIs("Oversikt per 2. mai 2092");
        dateFieldIs("02.05.2092");
        dateErrorIs("");
        // The arrow keys step a day at a time, across the month's end; the view follows the last.
        field.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        dateFieldIs("30.04.2092");
        headingIs("Oversikt per 30. april 2092");
        field.sendKeys(Keys.ARROW_UP);
        dateFieldIs("01.05.2092");
        headingIs("Oversikt per 1. mai 2092");

        typeDate("31.02.2092", Keys.ENTER);
        dateErrorIs("31.02.2092 er ingen dato i kalenderen.");
        // Not rolled over into March, and left as typed, to be corrected.
        dateFieldIs("31.02.2092");
        assertEquals(field, browser.switchTo().activeElement(), "the field keeps the focus");
        typeDate("2092-04-20", Keys.ENTER);
        dateErrorIs("Datoen må skrives som dd.mm.åååå, for eksempel 20.04.2021.");
        axe("the date field's error message");
        typeDate(Keys.ENTER);
        dateErrorIs("Skriv en dato.");
        // The button says the same: Tab from the field to it, and Enter.
        new Actions(browser).sendKeys(Keys.TAB).sendKeys(Keys.ENTER).perform();
        dateErrorIs("Skriv en dato.");
        assertEquals(field, browser.switchTo().activeElement(), "the error sends the focus back to the field");
        typeDate("20.04.2092");
        new Actions(browser).sendKeys(Keys.TAB).sendKeys(Keys.ENTER).perform();
        headingIs("Oversikt per 20. april 2092");
        dateErrorIs("");

        new Select(browser.findElement(By.id("lang"))).selectByValue("en");
        dateFieldIs("2092-04-20");
        assertEquals("Show the overview as on", field.getAccessibleName());
        assertEquals("Write the date as yyyy-mm-dd, for example 2021-04-20. Up and down arrows step a day.",
                browser.findElement(By.id("on-hint")).getText());
        typeDate("20.04.2092", Keys.ENTER);
        dateErrorIs("Write the date as yyyy-mm-dd, for example 2021-04-20.");
        axe("the English date field's error message");
        browser.findElement(By.id("today")).click();
        dateFieldIs(today.toString());
        dateErrorIs("");
    }

    @Test
    void aPastDateShowsThePageAsOnThatDayInEitherLanguage() {
        String agreement = enter("Avtale fra 2092", List.of("KD", "KS"), LocalDate.of(2092, 1, 1),
                LocalDate.of(2092, 6, 30));
        signIn();

        typeDate("20.04.2092", Keys.ENTER);
        headingIs("Oversikt per 20. april 2092");

        opened.settled(() -> {
            cardsAgreeWith(dashboard("?on=2092-04-20"));
            assertEquals("true", browser.findElement(By.cssSelector("li[data-agreement='" + agreement + "']"))
                    .getAttribute("data-in-force"));
            assertTrue(text("expiring-90").contains("Avtale fra 2092 – 30. juni 2092 (71 dager igjen)"),
                    text("expiring-90"));
        });

        new Select(browser.findElement(By.id("lang"))).selectByValue("en");
        opened.settled(() -> {
            assertEquals("Overview as on 20 April 2092", text("cards-heading"));
            assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
            assertTrue(text("expiring-90").contains("Avtale fra 2092 – 30 June 2092 (71 days left)"),
                    text("expiring-90"));
        });
        dateFieldIs("2092-04-20");
        axe("the English page");

        typeDate("2092-06-01", Keys.ENTER);
        headingIs("Overview as on 1 June 2092");
        opened.settled(() -> {
            cardsAgreeWith(dashboard("?on=2092-06-01"));
            assertTrue(text("expiring-90").contains("Avtale fra 2092 – 30 June 2092 (29 days left)"),
                    text("expiring-90"));
        });
    }

    private void axe(String what) {
        opened.assertAccessible(what);
    }
}
