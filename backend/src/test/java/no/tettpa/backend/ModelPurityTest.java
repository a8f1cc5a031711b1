package no.tettpa.backend;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The {@code model} package of each feature holds the domain rules as plain Java, so that they can be read, tested
 * and reused (on a device, in a batch job) without Micronaut, Jakarta or a database.
 */
class ModelPurityTest {

    @Test
    void modelPackagesDependOnlyOnTheJavaPlatformAndOtherModels() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("no.tettpa.backend");
        classes().that().resideInAPackage("no.tettpa.backend..model..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "no.tettpa.backend..model..")
                .check(production);
    }
}
