package no.samrad.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every package rule fails on the classes of {@code breach.samrad}, which break each rule once on
 * purpose, and names the class that breaks it: a rule that could not fail would prove nothing.
 */
class ArchitectureRulesTest {

    private static final ArchitectureRules RULES = new ArchitectureRules("breach.samrad", DescribedPredicate.alwaysTrue());

    private static JavaClasses breaches;

    @BeforeAll
    static void importBreaches() {
        breaches = new ClassFileImporter().importPackages("breach.samrad");
    }

    static Stream<Arguments> rulesAndTheirBreaches() {
        return Stream.of(
                Arguments.of("no package cycles", rule(ArchitectureRules::noPackageCycles),
                        "Cycle detected: infrastructure"),
                Arguments.of("the command side reads no read model",
                        rule(ArchitectureRules::commandSideReadsNoReadModel), "ThingHandler"),
                Arguments.of("only web packages use JAX-RS", rule(ArchitectureRules::onlyWebUsesJaxRs), "ThingView"),
                Arguments.of("api depends on api only", rule(ArchitectureRules::apiDependsOnApiOnly), "Plumbing"),
                Arguments.of("infrastructure knows no capability",
                        rule(ArchitectureRules::infrastructureKnowsNoCapability), "ThingHappened"),
                Arguments.of("nothing imports material or dashboard",
                        rule(ArchitectureRules::crossReadersAreImportedByNothing), "ThingView"),
                Arguments.of("public types are used outside their package",
                        rule(ArchitectureRules::publicOnlyWhenUsedElsewhere), "Lonely"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rulesAndTheirBreaches")
    void reportsItsBreach(String name, Function<ArchitectureRules, ArchRule> rule, String breach) {
        AssertionError failure = assertThrows(AssertionError.class, () -> rule.apply(RULES).check(breaches));
        assertTrue(failure.getMessage().contains(breach), failure.getMessage());
    }

    private static Function<ArchitectureRules, ArchRule> rule(Function<ArchitectureRules, ArchRule> rule) {
        return rule;
    }
}
