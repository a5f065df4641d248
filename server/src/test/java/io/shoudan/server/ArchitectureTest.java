package io.shoudan.server;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.shoudan.payment.PaymentService;
import io.shoudan.server.node.NodeWiring;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The rules docs/ARCHITECTURE.md states for the server: one composition root, endpoints that know no command. */
class ArchitectureTest {

    private final JavaClasses server = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.shoudan.server");

    @Test
    void onlyTheNodeWiringBuildsAPaymentService() {
        noClasses().that().doNotBelongToAnyOf(NodeWiring.class)
                .should().callConstructorWhere(DescribedPredicate.describe("a PaymentService constructor",
                        call -> call.getTargetOwner().isEquivalentTo(PaymentService.class)))
                .because("a node is wired in one place (docs/ARCHITECTURE.md)")
                .check(server);
    }

    @Test
    void theTerminalEndpointKnowsNoCommandNorTheDemo() {
        noClasses().that().resideInAPackage("io.shoudan.server.terminal8583..")
                .should().dependOnClassesThat().resideInAnyPackage("io.shoudan.server.cli..", "io.shoudan.server.demo..")
                .check(server);
    }

    @Test
    void theScenarioFormAndTheLiveFormKnowNoTerminalEndpoint() {
        noClasses().that().resideInAnyPackage("io.shoudan.server.scenario..", "io.shoudan.server.live..",
                        "io.shoudan.server.explain..")
                .should().dependOnClassesThat().resideInAPackage("io.shoudan.server.terminal8583..")
                .check(server);
    }
}
