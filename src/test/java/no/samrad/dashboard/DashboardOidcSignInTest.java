package no.samrad.dashboard;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import no.samrad.support.Api;
import no.samrad.support.Browser;
import no.samrad.support.FakeOidcProvider;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The dashboard page's OpenID Connect sign-in, against a provider the test serves itself. */
@QuarkusTest
@TestProfile(DashboardOidcSignInTest.WithOidc.class)
class DashboardOidcSignInTest {

    public static class WithOidc implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("samrad.dashboard.oidc.authorization-endpoint", "/test-oidc/authorize",
                    "samrad.dashboard.oidc.token-endpoint", "/test-oidc/token",
                    "samrad.dashboard.oidc.client-id", FakeOidcProvider.CLIENT_ID);
        }
    }

    @TestHTTPResource("/")
    URL page;

    @Test
    void theSignInSettingsNameTheProvider() {
        Api.anonymous().when().get("/api/v1/dashboard/sign-in").then().statusCode(200)
                .body("oidc.authorizationEndpoint", equalTo("/test-oidc/authorize"))
                .body("oidc.tokenEndpoint", equalTo("/test-oidc/token"))
                .body("oidc.clientId", equalTo(FakeOidcProvider.CLIENT_ID))
                .body("oidc.scope", equalTo("openid samrad:read"));
    }

    @Test
    void theProvidersButtonSignsInWithTheAuthorisationCodeAndPkce() {
        try (Browser opened = Browser.open()) {
            WebDriver browser = opened.driver();
            browser.get(page.toString());
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(
                    By.id("oidc-button"))).click();

            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("cards")));
            assertEquals(page.toString(), browser.getCurrentUrl(), "the code and state are gone from the address");
            assertTrue(browser.findElement(By.id("sign-out")).isDisplayed());
            opened.assertAccessible("the page signed in through the provider");
        }
    }
}
