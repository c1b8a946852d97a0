package com.kt.eventmarketing.testsupport.browser;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * axe-core (Deque's Selenium binding, which carries its own copy of axe.min.js, so nothing is fetched) run in the
 * page the browser shows now. The project's bar: no violation of impact serious or critical.
 */
public final class Accessibility {
    static final Set<String> BLOCKING = Set.of("serious", "critical");

    private Accessibility() {
    }

    /** The serious and critical violations on the current page, one readable line each (empty when clean). */
    public static List<String> seriousViolations(WebDriver driver) {
        Results results = new AxeBuilder().analyze(driver);
        if (results.isErrored()) {
            throw new IllegalStateException("axe-core did not run: " + results.getErrorMessage());
        }
        return results.getViolations().stream()
                .filter(rule -> BLOCKING.contains(rule.getImpact()))
                .map(Accessibility::describe)
                .toList();
    }

    /** Fails with every serious or critical violation listed, naming the page. */
    public static void assertNoSeriousViolations(WebDriver driver, String page) {
        List<String> violations = seriousViolations(driver);
        if (!violations.isEmpty()) {
            throw new AssertionError("axe-core found serious/critical violations on " + page + ":\n  "
                    + String.join("\n  ", violations));
        }
    }

    private static String describe(Rule rule) {
        String targets = rule.getNodes().stream().limit(5)
                .map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", "));
        return rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at " + targets;
    }
}
