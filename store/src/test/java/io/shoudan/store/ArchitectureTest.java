package io.shoudan.store;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** Repositories speak the domain's language: jOOQ stays behind them. */
class ArchitectureTest {

    private static final JavaClasses STORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.shoudan.store");

    @Test
    void noPublicSignatureOutsideTheDatabasePackageMentionsJooq() {
        List<String> leaks = new ArrayList<>();
        for (JavaClass javaClass : STORE) {
            if (javaClass.getPackageName().startsWith("io.shoudan.store.database") || !javaClass.getModifiers().contains(
                    com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)) {
                continue;
            }
            Class<?> type = javaClass.reflect();
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers())) {
                    check(leaks, type, method.getName(), method.getGenericReturnType());
                    for (Type parameter : method.getGenericParameterTypes()) {
                        check(leaks, type, method.getName(), parameter);
                    }
                }
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (Modifier.isPublic(constructor.getModifiers())) {
                    for (Type parameter : constructor.getGenericParameterTypes()) {
                        check(leaks, type, "<init>", parameter);
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    private static void check(List<String> leaks, Class<?> owner, String member, Type type) {
        if (type.getTypeName().contains("org.jooq")) {
            leaks.add(owner.getSimpleName() + "." + member + ": " + type.getTypeName());
        }
    }

    @Test
    void domainPackagesOfTheStoreDoNotDependOnEachOtherExceptThroughAudit() {
        // Only policy and channel reach into another store package (audit, to write their trail).
        // payment reaches into ledger too: journals are appended in the payment's own transaction.
        for (String pkg : List.of("merchant", "terminal", "outbox", "audit", "fee", "ledger", "payment")) {
            noClasses().that().resideInAPackage("io.shoudan.store." + pkg + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(
                            List.of("merchant", "terminal", "policy", "channel", "outbox", "audit", "fee", "ledger", "payment").stream()
                                    .filter(other -> !other.equals(pkg) && !(pkg.equals("payment") && other.equals("ledger")))
                                    .map(other -> "io.shoudan.store." + other + "..")
                                    .toArray(String[]::new))
                    .check(STORE);
        }
    }
}
