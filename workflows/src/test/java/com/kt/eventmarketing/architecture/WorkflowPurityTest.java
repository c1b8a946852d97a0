package com.kt.eventmarketing.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowPurityTest {

    /** This module's classes and the activity contract they use (a directory or a jar, depending on the build phase). */
    private static final ImportOption WORKFLOW_MODULES = location -> !location.isJar() || location.contains("activities-api");

    @Test
    void workflowCodeTouchesNeitherSpringJpaIoClockRandomnessNorThreads() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(WORKFLOW_MODULES)
                .importPackages("com.kt.eventmarketing");

        WorkflowPurity.rule(production).check(production);
    }

    @Test
    void aWorkflowThatReadsTheMachineOrReachesAHelperThatDoesIsReported() {
        JavaClasses fixture = new ClassFileImporter().importPackages("com.kt.eventmarketing.architecture.fixture");

        EvaluationResult result = WorkflowPurity.rule(fixture).evaluate(fixture);

        assertThat(result.hasViolation()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails())).contains(
                "java.time.Instant.now()", "java.lang.System.currentTimeMillis()", "java.lang.System.nanoTime()",
                "java.util.UUID.randomUUID()", "java.util.Random.<init>()", "java.time.Clock",
                "java.lang.Thread", "java.util.concurrent.Executors", "java.nio.file.Files",
                // reached only through the helper: the rule follows what the workflow uses
                "java.net.URI", "java.io.StringReader");
    }
}
