package io.shoudan.channels;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** DESIGN: channels depends on core only (plus Resilience4j, Micrometer); adapters know their own channel only. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.shoudan.channels");

    @Test
    void channelsNeverTouchTheSandboxNorTheServer() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.shoudan.sandbox..", "io.shoudan.server..", "io.shoudan.store..")
                .check(CLASSES);
    }

    @Test
    void noChannelAdapterKnowsAnother() {
        noClasses().that().resideInAPackage("..channels.alipay..")
                .should().dependOnClassesThat().resideInAnyPackage("..channels.wechat..", "..channels.unionpay..").check(CLASSES);
        noClasses().that().resideInAPackage("..channels.wechat..")
                .should().dependOnClassesThat().resideInAnyPackage("..channels.alipay..", "..channels.unionpay..").check(CLASSES);
        noClasses().that().resideInAPackage("..channels.unionpay..")
                .should().dependOnClassesThat().resideInAnyPackage("..channels.alipay..", "..channels.wechat..").check(CLASSES);
    }

    @Test
    void theMappingTablesAreDataThatKnowNoAdapter() {
        noClasses().that().resideInAPackage("..channels.mapping..")
                .should().dependOnClassesThat().resideInAnyPackage("..channels.alipay..", "..channels.wechat..", "..channels.unionpay..",
                        "..channels.health..", "io.github.resilience4j..", "io.micrometer..")
                .check(CLASSES);
    }
}
