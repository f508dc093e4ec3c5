package no.samrad.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;

/**
 * The package rules of docs/architecture.md, written once for a root package so that the same
 * rules judge Samråd's classes and the deliberately broken fixtures that prove each rule can fail.
 */
final class ArchitectureRules {

    /** Axon's annotations an {@code api} type may carry: its stored revision, its target record. */
    private static final Set<String> AXON_CONTRACT_PACKAGES = Set.of(
            "org.axonframework.serialization", "org.axonframework.modelling.command");

    /** Packages of annotations (and the enums their members take) that describe the JSON and its schema. */
    private static final Set<String> JSON_CONTRACT_PACKAGES = Set.of(
            "com.fasterxml.jackson.annotation", "org.eclipse.microprofile.openapi.annotations");

    /** Classes compiled from src/main, not tests. */
    static final DescribedPredicate<JavaClass> NOT_TESTS = DescribedPredicate.describe(
            "are not tests", type -> type.getSource()
                    .map(source -> !source.getUri().toString().contains("/test-classes/")).orElse(true));

    private final String root;
    private final DescribedPredicate<JavaClass> judged;

    /** The rules for the classes under {@code root}; the public-types rule judges those {@code judged}. */
    ArchitectureRules(String root, DescribedPredicate<JavaClass> judged) {
        this.root = root;
        this.judged = judged;
    }

    /** The rules judged on the classes alone. */
    List<ArchRule> ofClasses() {
        return List.of(noPackageCycles(), commandSideReadsNoReadModel(), onlyWebUsesJaxRs(),
                apiDependsOnApiOnly(), infrastructureKnowsNoCapability(), crossReadersAreImportedByNothing());
    }

    ArchRule noPackageCycles() {
        return slices().matching(root + ".(**)").namingSlices("$1")
                .should().beFreeOfCycles()
                .as("no package cycles");
    }

    ArchRule commandSideReadsNoReadModel() {
        return noClasses().that().resideInAPackage(root + "..command..")
                .should().dependOnClassesThat().resideInAPackage(root + "..query..")
                .as("no command package imports a query package");
    }

    ArchRule onlyWebUsesJaxRs() {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackage(root + "..web..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..")
                .as("only web packages use JAX-RS");
    }

    ArchRule apiDependsOnApiOnly() {
        return classes().that().resideInAPackage(root + "..api..")
                .should(dependOnlyOn(apiOrJdkOrContractAnnotation()))
                .as("api packages depend only on api packages, the JDK and the contract's annotations");
    }

    ArchRule infrastructureKnowsNoCapability() {
        return noClasses().that().resideInAPackage(root + ".infrastructure..")
                .should().dependOnClassesThat(insideRootButOutside(root + ".infrastructure"))
                .as("infrastructure depends on no capability");
    }

    /**
     * Judged on the classes and their tests together: a type a test in another package uses (an
     * aggregate under its fixture, a fold under its unit test) is used outside its package.
     */
    /** What reads across the capabilities (a meeting's material, the dashboard) is read only over HTTP. */
    ArchRule crossReadersAreImportedByNothing() {
        return noClasses().that().resideOutsideOfPackages(root + ".material..", root + ".dashboard..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".material..", root + ".dashboard..")
                .as("nothing imports material or dashboard");
    }

    ArchRule publicOnlyWhenUsedElsewhere() {
        return classes().that().resideInAPackage(root + "..").and().areTopLevelClasses()
                .and().arePublic().and(judged)
                .should(beUsedOutsideTheirPackage())
                .as("public types are used outside their package");
    }


    private DescribedPredicate<JavaClass> apiOrJdkOrContractAnnotation() {
        return DescribedPredicate.describe("an api type, a JDK type or a contract annotation", type -> {
            String name = type.getName();
            if (type.isPrimitive() || type.isArray() || name.startsWith("java.")) {
                return true;
            }
            if (name.startsWith(root + ".")) {
                return type.getPackageName().matches(java.util.regex.Pattern.quote(root) + "(\\..+)?\\.api(\\..+)?");
            }
            String packageName = type.getPackageName();
            return type.isAnnotation() && AXON_CONTRACT_PACKAGES.contains(packageName)
                    || JSON_CONTRACT_PACKAGES.stream().anyMatch(contract ->
                    packageName.equals(contract) || packageName.startsWith(contract + "."));
        });
    }

    private DescribedPredicate<JavaClass> insideRootButOutside(String excluded) {
        return DescribedPredicate.describe("a class of a capability", type ->
                type.getName().startsWith(root + ".") && !type.getPackageName().equals(excluded)
                        && !type.getPackageName().startsWith(excluded + "."));
    }

    private static ArchCondition<JavaClass> dependOnlyOn(DescribedPredicate<JavaClass> allowed) {
        return new ArchCondition<>("depend only on " + allowed.getDescription()) {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    if (!allowed.test(target)) {
                        events.add(SimpleConditionEvent.violated(type, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /**
     * A public type none outside its package uses should be package-private. The exceptions: the
     * types a framework reaches from outside by convention (JAX-RS resources and providers, the
     * {@code main} class, the OpenAPI filter SmallRye instantiates), which have the annotations that say so, and types with public constants,
     * which the compiler copies into their users (annotation values such as a scope or a processor's
     * name) where no class file shows the use.
     */
    private static ArchCondition<JavaClass> beUsedOutsideTheirPackage() {
        return new ArchCondition<>("be used outside their package") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                if (reachedByConvention(type)) {
                    return;
                }
                boolean usedElsewhere = type.getDirectDependenciesToSelf().stream()
                        .map(dependency -> dependency.getOriginClass().getBaseComponentType())
                        .anyMatch(origin -> !origin.getPackageName().equals(type.getPackageName()));
                if (!usedElsewhere) {
                    events.add(SimpleConditionEvent.violated(type,
                            type.getName() + " is public but used only in " + type.getPackageName()));
                }
            }
        };
    }

    private static boolean reachedByConvention(JavaClass type) {
        return type.isAnnotatedWith("jakarta.ws.rs.Path")
                || type.isAnnotatedWith("jakarta.ws.rs.ext.Provider")
                || type.isAnnotatedWith("io.quarkus.runtime.annotations.QuarkusMain")
                || type.isAssignableTo("org.eclipse.microprofile.openapi.OASFilter")
                || type.getFields().stream().anyMatch(ArchitectureRules::isPublicConstant);
    }

    private static boolean isPublicConstant(JavaField field) {
        return field.getModifiers().containsAll(Set.of(JavaModifier.PUBLIC, JavaModifier.STATIC, JavaModifier.FINAL))
                && (field.getRawType().isPrimitive() || field.getRawType().isEquivalentTo(String.class));
    }
}
