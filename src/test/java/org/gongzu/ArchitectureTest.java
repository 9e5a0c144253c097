package org.gongzu;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.gongzu.process.ProcessModule;

@AnalyzeClasses(packages = "org.gongzu", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Rules live in domain services and DMN, testable and changeable without the engine. */
    @ArchTest
    static final ArchRule domainServicesDoNotDependOnTheEngine = noClasses()
            .that().haveSimpleNameEndingWith("Service").or().resideInAnyPackage("..validation..", "..place..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda..")
            .because("domain rules must be testable and changeable without the process engine");

    /**
     * Adding a process adds a module; it must not mean editing shared code. A process package is one
     * that holds a {@link ProcessModule}; every other package is shared and may not depend on one.
     */
    @ArchTest
    static void sharedCodeDoesNotNameAProcess(JavaClasses classes) {
        Set<String> processes = processPackages(classes);
        assertThat(processes).as("process packages").isNotEmpty();
        List<String> violations = crossings(classes, processes,
                (from, to) -> !processes.contains(from) && processes.contains(to));
        assertThat(violations).as("shared code serves every process and takes them as ProcessModule plug-ins")
                .isEmpty();
    }

    /** A process may change or go without touching another one. */
    @ArchTest
    static void processesDoNotDependOnEachOther(JavaClasses classes) {
        Set<String> processes = processPackages(classes);
        List<String> violations = crossings(classes, processes,
                (from, to) -> processes.contains(from) && processes.contains(to) && !from.equals(to));
        assertThat(violations).as("each process is a module of its own; what they share belongs in shared code")
                .isEmpty();
    }

    private interface Crossing {
        boolean forbidden(String fromProcess, String toProcess);
    }

    /** Dependencies between top-level packages under org.gongzu that the rule forbids. */
    private static List<String> crossings(JavaClasses classes, Set<String> processes, Crossing crossing) {
        return classes.stream().flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                .filter(d -> d.getTargetClass().getPackageName().startsWith("org.gongzu"))
                .filter(d -> crossing.forbidden(area(d.getOriginClass()), area(d.getTargetClass())))
                .map(Dependency::getDescription).distinct().sorted().toList();
    }

    private static Set<String> processPackages(JavaClasses classes) {
        return classes.stream().filter(c -> c.isAssignableTo(ProcessModule.class) && !c.isInterface())
                .map(ArchitectureTest::area).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The package directly under org.gongzu a class belongs to ("" for org.gongzu itself). */
    private static String area(JavaClass type) {
        String rest = type.getPackageName().equals("org.gongzu") ? "" : type.getPackageName().substring("org.gongzu.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
