package no.samrad.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Samråd's own classes keep the package rules. */
class ArchitectureTest {

    private static final ArchitectureRules RULES = new ArchitectureRules("no.samrad", ArchitectureRules.NOT_TESTS);

    private static JavaClasses samrad;
    private static JavaClasses samradWithTests;

    @BeforeAll
    static void importClasses() {
        samrad = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("no.samrad");
        samradWithTests = new ClassFileImporter().importPackages("no.samrad");
    }

    static Stream<ArchRule> rulesOfClasses() {
        return RULES.ofClasses().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rulesOfClasses")
    void holds(ArchRule rule) {
        rule.check(samrad);
    }

    @Test
    void publicTypesAreUsedOutsideTheirPackage() {
        RULES.publicOnlyWhenUsedElsewhere().check(samradWithTests);
    }
}
