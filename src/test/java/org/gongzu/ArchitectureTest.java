package org.gongzu;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.gongzu", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Rules live in domain services and DMN, testable and changeable without the engine. */
    @ArchTest
    static final ArchRule domainServicesDoNotDependOnTheEngine = noClasses()
            .that().haveSimpleNameEndingWith("Service").or().resideInAnyPackage("..validation..", "..place..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda..")
            .because("domain rules must be testable and changeable without the process engine");

    /** Adding a process adds a module; it must not mean editing shared code, nor another module. */
    @ArchTest
    static final ArchRule sharedCodeDoesNotNameAProcess = noClasses()
            .that().resideInAnyPackage("org.gongzu", "..engine..", "..routing..", "..identity..", "..deployment..",
                    "..validation..", "..casefile..", "..process..", "..security..", "..web..", "..webapp..", "..db..",
                    "..api..", "..place..", "..demo..")
            .should().dependOnClassesThat().resideInAnyPackage("..movein..")
            .because("shared code serves every process and takes them as ProcessModule plug-ins");
}
