package com.kt.eventmarketing.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * What workflow code may not touch, because replay re-runs it and must make the same commands: wall clocks,
 * randomness, threads, I/O, Spring and JPA. "Workflow code" is every {@code *WorkflowImpl} and each of our own
 * classes it reaches, so a helper split out of a workflow stays under the rule.
 */
final class WorkflowPurity {

    private static final List<String> FORBIDDEN_PACKAGES = List.of(
            "org.springframework", "jakarta.persistence", "javax.persistence", "java.io", "java.nio.file", "java.net");

    private static final Set<String> FORBIDDEN_TYPES = Set.of(
            "java.time.Clock", "java.lang.Thread", "java.lang.ThreadGroup", "java.util.Timer",
            "java.util.concurrent.ThreadLocalRandom", "java.util.concurrent.Executor",
            "java.util.concurrent.ExecutorService", "java.util.concurrent.Executors",
            "java.util.concurrent.ScheduledExecutorService", "java.util.concurrent.CompletableFuture",
            "java.util.concurrent.ForkJoinPool");

    /** Calls that read the machine instead of the history; the SDK's Workflow.currentTimeMillis/newRandom are the replayable ones. */
    private static final Set<String> FORBIDDEN_CALLS = Set.of(
            "java.time.Instant.now", "java.time.LocalDateTime.now", "java.time.LocalDate.now",
            "java.time.ZonedDateTime.now", "java.time.OffsetDateTime.now", "java.lang.System.currentTimeMillis",
            "java.lang.System.nanoTime", "java.util.UUID.randomUUID", "java.lang.Math.random");

    /** Constructing a generator seeds it from the machine; depending on java.util.Random (Workflow.newRandom) is fine. */
    private static final Set<String> FORBIDDEN_CONSTRUCTORS = Set.of("java.util.Random", "java.security.SecureRandom");

    private WorkflowPurity() {
    }

    static ArchRule rule(JavaClasses imported) {
        Set<JavaClass> workflowCode = reachableFromWorkflowImpls(imported);
        return classes().that(DescribedPredicate.describe("are workflow code", workflowCode::contains))
                .should(new ArchCondition<>("not touch Spring, JPA, I/O, the clock, randomness or threads") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        item.getDirectDependenciesFromSelf().forEach(dependency -> {
                            JavaClass target = dependency.getTargetClass().getBaseComponentType();
                            if (forbiddenType(target)) {
                                events.add(SimpleConditionEvent.violated(item, dependency.getDescription()));
                            }
                        });
                        for (JavaAccess<?> access : item.getAccessesFromSelf()) {
                            if (forbiddenCall(access)) {
                                events.add(SimpleConditionEvent.violated(item, access.getDescription()));
                            }
                        }
                    }
                })
                .allowEmptyShould(false);
    }

    private static boolean forbiddenType(JavaClass type) {
        String name = type.getName();
        return FORBIDDEN_TYPES.contains(name)
                || FORBIDDEN_PACKAGES.stream().anyMatch(p -> type.getPackageName().equals(p) || type.getPackageName().startsWith(p + "."));
    }

    private static boolean forbiddenCall(JavaAccess<?> access) {
        String owner = access.getTargetOwner().getName();
        if (access instanceof JavaConstructorCall) {
            return FORBIDDEN_CONSTRUCTORS.contains(owner);
        }
        return access instanceof JavaMethodCall && FORBIDDEN_CALLS.contains(owner + "." + access.getName());
    }

    /** The *WorkflowImpl classes and, transitively, the imported classes they depend on (nested ones included). */
    private static Set<JavaClass> reachableFromWorkflowImpls(JavaClasses imported) {
        Set<JavaClass> reached = new HashSet<>();
        Deque<JavaClass> todo = new ArrayDeque<>();
        imported.stream().filter(c -> c.getSimpleName().endsWith("WorkflowImpl")).forEach(todo::add);
        while (!todo.isEmpty()) {
            JavaClass next = todo.pop();
            if (!reached.add(next)) {
                continue;
            }
            next.getDirectDependenciesFromSelf().stream().map(d -> d.getTargetClass().getBaseComponentType())
                    .filter(c -> imported.contain(c.getName())).forEach(todo::push);
            imported.stream().filter(c -> c.getEnclosingClass().map(next::equals).orElse(false)).forEach(todo::push);
        }
        return reached;
    }
}
