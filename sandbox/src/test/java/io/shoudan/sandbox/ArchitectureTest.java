package io.shoudan.sandbox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The simulators depend on core's money and method values only, and the channels do not know each
 * other. Only the HTTP layer ({@code io.shoudan.sandbox.http..}) may use Javalin, Jetty and Jackson,
 * and no simulator knows it.
 */
class ArchitectureTest {

    private final JavaClasses sandbox = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.shoudan.sandbox");

    @Test
    void theSimulatorsUseOnlyTheJdkAndCoresMoneyAndMethodValues() {
        classes().that().resideOutsideOfPackage("io.shoudan.sandbox.http..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "io.shoudan.money..", "io.shoudan.method..", "io.shoudan.sandbox..")
                .check(sandbox);
    }

    @Test
    void noSimulatorKnowsTheHttpLayer() {
        noClasses().that().resideOutsideOfPackage("io.shoudan.sandbox.http..")
                .should().dependOnClassesThat().resideInAPackage("io.shoudan.sandbox.http..")
                .check(sandbox);
    }

    @Test
    void theHttpLayerUsesOnlyTheJdkJavalinJettyAndJackson() {
        classes().that().resideInAPackage("io.shoudan.sandbox.http..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "javax.crypto..", "javax.xml..", "org.w3c.dom..", "org.xml.sax..",
                        "io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..", "com.fasterxml.jackson..",
                        "io.shoudan.money..", "io.shoudan.method..", "io.shoudan.sandbox..", "kotlin..")
                .check(sandbox);
    }

    @Test
    void theAlipayAndWechatWireLayersDoNotKnowEachOther() {
        noClasses().that().resideInAPackage("io.shoudan.sandbox.http.alipay..")
                .should().dependOnClassesThat().resideInAPackage("io.shoudan.sandbox.http.wechat..")
                .check(sandbox);
        noClasses().that().resideInAPackage("io.shoudan.sandbox.http.wechat..")
                .should().dependOnClassesThat().resideInAPackage("io.shoudan.sandbox.http.alipay..")
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
