package com.kt.eventmarketing.testsupport.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.lang.reflect.Proxy;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrowserTest {

    @Test
    void opensAPageAtPhoneSizeAndSavesAPngScreenshot() throws Exception {
        try (Browser browser = Browser.open(Browser.PHONE)) {
            browser.driver().get(page("clean.html"));
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("참여하기");
            Long width = (Long) browser.driver().executeScript("return window.innerWidth");
            assertThat(width).isEqualTo(Browser.PHONE.getWidth());
            Path shot = browser.screenshot("browser-test-clean");
            byte[] header = new byte[8];
            try (var in = Files.newInputStream(shot)) {
                assertThat(in.read(header)).isEqualTo(8);
            }
            assertThat(header).startsWith(0x89, 'P', 'N', 'G');
        }
    }

    @Test
    void axeFindsNothingSeriousOnAnAccessiblePage() throws Exception {
        try (Browser browser = Browser.open(Browser.PHONE)) {
            browser.driver().get(page("clean.html"));
            assertThat(Accessibility.seriousViolations(browser.driver())).isEmpty();
        }
    }

    @Test
    void axeReportsAnImageWithoutAltAndAnUnlabelledField() throws Exception {
        try (Browser browser = Browser.open(Browser.DESKTOP)) {
            browser.driver().get(page("broken.html"));
            assertThat(Accessibility.seriousViolations(browser.driver()))
                    .anyMatch(v -> v.contains("image-alt"))
                    .anyMatch(v -> v.contains("label"));
            assertThatThrownBy(() -> Accessibility.assertNoSeriousViolations(browser.driver(), "broken.html"))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("broken.html");
        }
    }

    @Test
    void withJavaScriptOffScriptsDoNotRun() throws Exception {
        try (Browser browser = Browser.open(Browser.PHONE, false)) {
            browser.driver().get("data:text/html;charset=utf-8,<p id=x>off</p><script>document.getElementById('x').textContent='on'</script>");
            assertThat(browser.driver().findElement(By.id("x")).getText()).isEqualTo("off");
        }
    }

    @Test
    void cspViolationsShowInTheConsoleMessages() {
        try (Browser browser = Browser.open(Browser.PHONE)) {
            browser.driver().get("data:text/html;charset=utf-8,<meta http-equiv=Content-Security-Policy content=\"script-src 'none'\">"
                    + "<p>x</p><script>console.log('ran')</script>");
            assertThat(browser.consoleMessages()).anyMatch(m -> m.contains("Content Security Policy"));
        }
    }

    @Test
    void anElementIsReplacedOnlyOnceItsPageHasGone() throws Exception {
        try (Browser browser = Browser.open(Browser.PHONE)) {
            var driver = browser.driver();
            driver.get(page("clean.html"));
            var name = driver.findElement(By.id("name"));
            name.sendKeys("김민수");
            assertThat(Browser.replaced(name).apply(driver)).isFalse();
            name.sendKeys(Keys.ENTER);
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(Browser.replaced(name));
            assertThat(driver.getCurrentUrl()).contains("name=");
        }
    }

    @Test
    void chromeDriversNodeOfAnotherDocumentCountsAsReplacedButOtherErrorsEndTheWait() {
        WebElement torn = element(new WebDriverException(
                "unknown error: unhandled inspector error: {\"code\":-32000,\"message\":\"Node with given id does not belong to the document\"}"));
        assertThat(Browser.replaced(torn).apply(null)).isTrue();
        WebElement crashed = element(new WebDriverException("chrome not reachable"));
        assertThatThrownBy(() -> Browser.replaced(crashed).apply(null)).hasMessageContaining("chrome not reachable");
    }

    /** An element whose every call throws {@code error}, as a driver answering from a document in flux would. */
    private static WebElement element(WebDriverException error) {
        return (WebElement) Proxy.newProxyInstance(WebElement.class.getClassLoader(), new Class<?>[] {WebElement.class},
                (proxy, method, args) -> {
                    throw error;
                });
    }

    private static String page(String name) throws URISyntaxException {
        return Paths.get(BrowserTest.class.getResource("/browser/" + name).toURI()).toUri().toString();
    }
}
