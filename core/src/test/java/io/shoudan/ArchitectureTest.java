package io.shoudan;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Core is pure: the JDK only, no I/O, nothing that knows HTTP, SQL or a channel's wire format. */
class ArchitectureTest {

    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.shoudan");

    @Test
    void coreDependsOnTheJdkAndItselfOnly() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("io.shoudan..", "java..")
                .check(core);
    }

    @Test
    void coreDoesNoIo() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("java.io..", "java.nio.file..", "java.net..", "java.sql..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.System")
                .check(core);
    }
}
