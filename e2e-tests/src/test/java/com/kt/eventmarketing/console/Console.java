package com.kt.eventmarketing.console;

import com.kt.eventmarketing.testsupport.browser.Accessibility;
import com.kt.eventmarketing.testsupport.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The owner console as a test sees it: a browser on the gateway's "/", finding things the way the owner does (by
 * visible text, labels and the API field a control stands for), with a screenshot and an axe-core check per step.
 */
final class Console {
    private final Browser browser;
    private final String base;
    private final String device;
    private int shots;

    Console(Browser browser, int port, String device) {
        this.browser = browser;
        this.base = "http://127.0.0.1:" + port + "/";
        this.device = device;
    }

    void open(String route) {
        browser.driver().get(base + "#" + route);
    }

    /** Types a route into the address bar, as an owner pasting a link would. */
    void goTo(String route) {
        browser.driver().executeScript("location.hash = arguments[0]", route);
    }

    String route() {
        return (String) browser.driver().executeScript("return location.hash");
    }

    /** Waits for the screen's h1 to say this, the sign that the route finished drawing. */
    void awaitHeading(String text) {
        awaitText("h1", text, Duration.ofSeconds(20));
    }

    void awaitText(String css, String text, Duration timeout) {
        wait(timeout).withMessage(() -> "no <" + css + "> with \"" + text + "\"; page says:\n" + bodyText())
                .until(d -> d.findElements(By.cssSelector(css)).stream().anyMatch(e -> e.getText().contains(text)));
    }

    WebElement await(String css, Duration timeout) {
        return wait(timeout).withMessage(() -> "no " + css + "; page says:\n" + bodyText())
                .until(d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    WebElement await(String css) {
        return await(css, Duration.ofSeconds(20));
    }

    /** The control standing for an API field (its data-api-field), e.g. "store.businessNumber". */
    WebElement field(String apiField) {
        return await("[data-api-field='" + apiField + "']");
    }

    void type(String apiField, String text) {
        WebElement control = field(apiField);
        control.clear();
        control.sendKeys(text);
    }

    /** Sets a value the way a picker would (date-time and colour inputs) and tells the page it changed. */
    void set(String apiField, String value) {
        browser.driver().executeScript("const el = arguments[0]; el.value = arguments[1];"
                + "el.dispatchEvent(new Event('input', {bubbles: true})); el.dispatchEvent(new Event('change', {bubbles: true}));",
                field(apiField), value);
    }

    void select(String apiField, String value) {
        new org.openqa.selenium.support.ui.Select(field(apiField)).selectByValue(value);
    }

    /** Clicks the visible, enabled button with this text. */
    void press(String text) {
        clickWhenShown("no enabled button \"" + text + "\"", d -> d.findElements(By.xpath(
                "//button[contains(normalize-space(.), '" + text + "')]")).stream()
                .filter(b -> b.isDisplayed() && b.isEnabled()).findFirst().orElse(null));
    }

    void click(String css) {
        clickWhenShown("no " + css, d -> d.findElements(By.cssSelector(css)).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /**
     * Finds and clicks in one polled step: screens that poll the API redraw between a find and a click, and a click on
     * the old element throws stale without having clicked, so finding it again and clicking is safe.
     */
    private void clickWhenShown(String missing, Function<WebDriver, WebElement> find) {
        wait(Duration.ofSeconds(20)).withMessage(() -> missing + "; page says:\n" + bodyText()).until(d -> {
            WebElement element = find.apply(d);
            if (element == null) {
                return null;
            }
            scrollTo(element);
            element.click();
            return true;
        });
    }

    /** The error shown at the control standing for an API field. */
    String errorAt(String apiField) {
        WebElement control = field(apiField);
        String described = control.getAttribute("aria-describedby");
        String errorId = List.of(described.split(" ")).stream().filter(id -> id.endsWith("-error")).findFirst().orElseThrow();
        return browser.driver().findElement(By.id(errorId)).getText();
    }

    String invalid(String apiField) {
        return field(apiField).getAttribute("aria-invalid");
    }

    String bodyText() {
        return browser.driver().findElement(By.tagName("body")).getText();
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser.driver()).executeScript(js, args);
    }

    /** A local date-time string for a datetime-local input, seconds from now in the browser's own zone. */
    String localTimeIn(int seconds) {
        return (String) script("const d = new Date(Date.now() + arguments[0] * 1000);"
                + "return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 19);", seconds);
    }

    /** Screenshot target/screenshots/console-<device>-NN-<name>.png, then axe-core on the same state. */
    void check(String name) {
        shots++;
        fullPageScreenshot(String.format("console-%s-%02d-%s", device, shots, name));
        Accessibility.assertNoSeriousViolations(browser.driver(), device + " " + name);
    }

    /**
     * The whole page, not only the window, so a look at the file shows whether anything is clipped below: the
     * viewport is stretched to the page's height for the shot (Chromium's beyond-viewport capture leaves the part
     * below the window unpainted under phone emulation), then put back.
     */
    @SuppressWarnings("unchecked")
    private void fullPageScreenshot(String name) {
        var driver = browser.driver();
        Map<String, Object> window = (Map<String, Object>) driver.executeScript(
                "return {width: window.innerWidth, height: window.innerHeight, page: document.documentElement.scrollHeight}");
        int width = ((Number) window.get("width")).intValue();
        int height = ((Number) window.get("height")).intValue();
        int page = Math.min(((Number) window.get("page")).intValue(), 10_000);
        boolean phone = width < 768;
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", Math.max(page, height),
                "deviceScaleFactor", 1, "mobile", phone));
        try {
            Thread.sleep(300); // one layout and paint at the new size
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
            Path target = Paths.get("target", "screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                    "deviceScaleFactor", 1, "mobile", phone));
        }
    }

    <T> T awaitValue(Supplier<T> value, Duration timeout) {
        return wait(timeout).until(d -> value.get());
    }

    private void scrollTo(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    private WebDriverWait wait(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser.driver(), timeout);
        wait.pollingEvery(Duration.ofMillis(200));
        wait.ignoring(StaleElementReferenceException.class); // screens redraw while polled
        return wait;
    }
}
