package io.shoudan.sandbox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The sandbox depends on core's money and method values only, and the channels do not know each other. */
class ArchitectureTest {

    private final JavaClasses sandbox = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.shoudan.sandbox");

    @Test
    void theSandboxUsesOnlyTheJdkAndCoresMoneyAndMethodValues() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "io.shoudan.money..", "io.shoudan.method..", "io.shoudan.sandbox..")
                .check(sandbox);
    }

    @Test
    void noChannelSimulatorDependsOnAnother() {
        String[] channels = {"alipay", "wechat", "unionpay"};
        for (String channel : channels) {
            for (String other : channels) {
                if (!channel.equals(other)) {
                    noClasses().that().resideInAPackage("io.shoudan.sandbox." + channel + "..")
                            .should().dependOnClassesThat().resideInAPackage("io.shoudan.sandbox." + other + "..")
                            .check(sandbox);
                }
            }
        }
    }

    @Test
    void sharedConceptsDoNotDependOnAnyChannel() {
        noClasses().that().resideInAnyPackage("io.shoudan.sandbox.consumer..", "io.shoudan.sandbox.merchant..",
                        "io.shoudan.sandbox.fault..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("io.shoudan.sandbox.alipay..", "io.shoudan.sandbox.wechat..",
                        "io.shoudan.sandbox.unionpay..")
                .check(sandbox);
    }
}
