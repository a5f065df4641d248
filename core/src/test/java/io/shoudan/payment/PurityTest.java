package io.shoudan.payment;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Payments, ledger and fees are pure domain: JDK and core only, and the ledger and fees know nothing of payments. */
class PurityTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.shoudan.payment", "io.shoudan.ledger", "io.shoudan.fee");

    @Test
    void paymentsLedgerAndFeesUseOnlyTheJdkAndCore() {
        noClasses().that().resideInAnyPackage("io.shoudan.payment..", "io.shoudan.ledger..", "io.shoudan.fee..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "io.shoudan..")
                .check(CORE);
    }

    @Test
    void theLedgerAndTheFeesDoNotDependOnPayments() {
        noClasses().that().resideInAnyPackage("io.shoudan.ledger..", "io.shoudan.fee..")
                .should().dependOnClassesThat().resideInAPackage("io.shoudan.payment..")
                .check(CORE);
    }

    @Test
    void thePackagesFormNoCycle() {
        slices().matching("io.shoudan.(*)..").should().beFreeOfCycles().check(CORE);
    }

    /** Fails on a double or float in a field, a signature, or the result of any call made (e.g. {@code Math.pow}). */
    @Test
    void noFloatingPointInMoneyCode() {
        ArchCondition<JavaClass> useNoFloatingPoint = new ArchCondition<>("use no double or float") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (JavaField field : javaClass.getFields()) {
                    report(field.getRawType(), field.getFullName(), events, javaClass);
                }
                for (JavaCodeUnit unit : javaClass.getCodeUnits()) {
                    report(unit.getRawReturnType(), unit.getFullName(), events, javaClass);
                    unit.getRawParameterTypes().forEach(type -> report(type, unit.getFullName(), events, javaClass));
                    for (JavaCall<?> call : unit.getCallsFromSelf()) {
                        report(call.getTarget().getRawReturnType(), unit.getFullName() + " calls " + call.getTarget().getFullName(), events, javaClass);
                    }
                }
            }

            private void report(JavaClass type, String where, ConditionEvents events, JavaClass owner) {
                String name = type.getName();
                if (name.equals("double") || name.equals("float") || name.equals("java.lang.Double") || name.equals("java.lang.Float")) {
                    events.add(SimpleConditionEvent.violated(owner, where + " uses " + name));
                }
            }
        };
        classes().that().resideInAnyPackage("io.shoudan.payment..", "io.shoudan.ledger..", "io.shoudan.fee..")
                .should(useNoFloatingPoint).check(CORE);
    }
}
