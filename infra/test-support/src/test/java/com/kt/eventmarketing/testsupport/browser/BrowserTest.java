package com.kt.eventmarketing.testsupport.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

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

    private static String page(String name) throws URISyntaxException {
        return Paths.get(BrowserTest.class.getResource("/browser/" + name).toURI()).toUri().toString();
    }
}
