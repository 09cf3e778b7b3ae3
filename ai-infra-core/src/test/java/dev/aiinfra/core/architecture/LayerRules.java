package dev.aiinfra.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The layer rules of DESIGN.md as ArchUnit rules, shared by every module's architecture test
 * through ai-infra-core's test jar. Each rule allows an empty selection so skeleton modules pass.
 */
public final class LayerRules {
  private LayerRules() {}

  /** model and policy: no fabric8, no Jackson. */
  public static ArchRule modelAndPolicyDoNotUseFabric8OrJackson() {
    return noClasses()
        .that().resideInAnyPackage("dev.aiinfra..model..", "dev.aiinfra..policy..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("io.fabric8..", "com.fasterxml.jackson..", "tools.jackson..", "org.yaml..")
        .allowEmptyShould(true);
  }

  /** model and policy use only the JDK, Immutables and ai-infra model/policy (plus {@code extra}). */
  public static ArchRule modelAndPolicyDependOnlyOnJdkAndModel(String... extra) {
    List<String> allowed =
        new ArrayList<>(
            List.of("java..", "org.immutables..", "dev.aiinfra..model..", "dev.aiinfra..policy.."));
    allowed.addAll(List.of(extra));
    return classes()
        .that().resideInAnyPackage("dev.aiinfra..model..", "dev.aiinfra..policy..")
        .should().onlyDependOnClassesThat().resideInAnyPackage(allowed.toArray(String[]::new))
        .allowEmptyShould(true);
  }

  /** policy is pure: no logging. */
  public static ArchRule policyDoesNotLog() {
    return noClasses()
        .that().resideInAPackage("dev.aiinfra..policy..")
        .should().dependOnClassesThat().resideInAnyPackage("org.slf4j..", "java.util.logging..")
        .allowEmptyShould(true);
  }

  /** policy is deterministic: no clock, environment, randomness or standard streams. */
  public static ArchRule policyIsDeterministic() {
    return noClasses()
        .that().resideInAPackage("dev.aiinfra..policy..")
        .should().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethod(System.class, "getenv", String.class)
        .orShould().callMethod(System.class, "getenv")
        .orShould().callMethod(System.class, "getProperty", String.class)
        .orShould().dependOnClassesThat().belongToAnyOf(java.time.Clock.class, java.util.Random.class)
        .orShould().accessField(System.class, "out")
        .orShould().accessField(System.class, "err")
        .allowEmptyShould(true);
  }

  /** Only {@code cluster} packages and the CLI talk to a cluster. */
  public static ArchRule onlyClusterAndCliUseTheClient() {
    return onlyClusterAndCliUseTheClient(new String[0]);
  }

  /** The same, with more packages allowed (benchmark baselines that measure fabric8 itself). */
  public static ArchRule onlyClusterAndCliUseTheClient(String... alsoAllowed) {
    String[] allowed = java.util.stream.Stream.concat(
        java.util.stream.Stream.of("dev.aiinfra..cluster..", "dev.aiinfra.cli.."), java.util.Arrays.stream(alsoAllowed))
        .toArray(String[]::new);
    return noClasses()
        .that().resideOutsideOfPackages(allowed)
        .should().dependOnClassesThat().resideInAPackage("io.fabric8.kubernetes.client..")
        .allowEmptyShould(true);
  }

  /** Lower layers never reach up: model below policy below render below read below cluster. */
  public static ArchRule layersPointDown() {
    return noClasses()
        .that().resideInAPackage("dev.aiinfra..model..")
        .should().dependOnClassesThat()
        .resideInAnyPackage(
            "dev.aiinfra..policy..", "dev.aiinfra..render..", "dev.aiinfra..read..", "dev.aiinfra..cluster..")
        .orShould().dependOnClassesThat().resideInAPackage("dev.aiinfra.cli..")
        .allowEmptyShould(true);
  }

  /** policy does not reach render, read or cluster. */
  public static ArchRule policyDoesNotReachTheEdges() {
    return noClasses()
        .that().resideInAPackage("dev.aiinfra..policy..")
        .should().dependOnClassesThat()
        .resideInAnyPackage(
            "dev.aiinfra..render..", "dev.aiinfra..read..", "dev.aiinfra..cluster..", "dev.aiinfra.cli..")
        .allowEmptyShould(true);
  }

  /** render does not reach cluster. */
  public static ArchRule renderDoesNotReachCluster() {
    return noClasses()
        .that().resideInAPackage("dev.aiinfra..render..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.aiinfra..cluster..", "dev.aiinfra.cli..")
        .allowEmptyShould(true);
  }

  /**
   * render does not use a reader: readers sit above render (they turn input into objects with
   * render's knowledge of objects and the model), and a renderer works from the model alone.
   */
  public static ArchRule renderDoesNotReachRead() {
    return noClasses()
        .that().resideInAPackage("dev.aiinfra..render..")
        .should().dependOnClassesThat().resideInAPackage("dev.aiinfra..read..")
        .allowEmptyShould(true);
  }

  /** read does not reach cluster or the CLI: reading input is offline. */
  public static ArchRule readDoesNotReachCluster() {
    return noClasses()
        .that().resideInAPackage("dev.aiinfra..read..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.aiinfra..cluster..", "dev.aiinfra.cli..")
        .allowEmptyShould(true);
  }

  /**
   * Readers live in their seam: a public class named {@code *Reader} or {@code *Inputs} resides in
   * a {@code read} package, or in {@code cluster} when what it reads is a live cluster.
   */
  public static ArchRule readersLiveInTheirSeam() {
    return classes()
        .that(DescribedPredicate.describe("are public and named *Reader or *Inputs",
            (JavaClass c) -> c.getModifiers().contains(JavaModifier.PUBLIC)
                && (c.getSimpleName().endsWith("Reader") || c.getSimpleName().endsWith("Inputs"))))
        .should().resideInAnyPackage("dev.aiinfra..read..", "dev.aiinfra..cluster..")
        .allowEmptyShould(true);
  }

  /** The class of the one shared Jackson mapper. */
  public static final String SHARED_MAPPER = "dev.aiinfra.core.json.Json";

  private static final Set<String> MAPPER_TYPES = Set.of(
      "com.fasterxml.jackson.databind.ObjectMapper",
      "com.fasterxml.jackson.databind.json.JsonMapper",
      "com.fasterxml.jackson.dataformat.yaml.YAMLMapper",
      "tools.jackson.databind.ObjectMapper",
      "tools.jackson.databind.json.JsonMapper",
      "tools.jackson.dataformat.yaml.YAMLMapper");

  private static boolean isMapper(JavaClass c) {
    return MAPPER_TYPES.contains(c.getName()) || MAPPER_TYPES.stream().anyMatch(c::isAssignableTo);
  }

  /**
   * One mapper: no class but {@link #SHARED_MAPPER} makes a Jackson mapper (a constructor, a
   * {@code builder()}, {@code copy()} or {@code rebuild()}), so that null handling, number types,
   * int-or-string binding and key order are the same in every module.
   */
  public static ArchRule oneMapper() {
    return noClasses()
        .that().doNotHaveFullyQualifiedName(SHARED_MAPPER)
        .should().callConstructorWhere(DescribedPredicate.describe("a Jackson mapper is constructed",
            (JavaConstructorCall call) -> isMapper(call.getTargetOwner())))
        .orShould().callMethodWhere(DescribedPredicate.describe("a Jackson mapper is built or copied",
            (JavaMethodCall call) -> isMapper(call.getTargetOwner())
                && Set.of("builder", "copy", "copyWith", "rebuild").contains(call.getName())))
        .because("every module uses the one shared mapper, " + SHARED_MAPPER + ".mapper()")
        .allowEmptyShould(true);
  }

  /** No cycles between the packages of a module. */
  public static ArchRule noPackageCycles(String module) {
    return slices().matching("dev.aiinfra." + module + ".(**)").should().beFreeOfCycles().allowEmptyShould(true);
  }

  /** {@code internal} packages are used only by their own parent package tree. */
  public static ArchRule internalStaysInternal(String module) {
    return noClasses()
        .that().resideOutsideOfPackage("dev.aiinfra." + module + "..")
        .should().dependOnClassesThat().resideInAPackage("dev.aiinfra." + module + "..internal..")
        .allowEmptyShould(true);
  }

  /** Nobody imports another module's internals. */
  public static ArchRule noForeignInternals(String module) {
    return noClasses()
        .that().resideInAPackage("dev.aiinfra." + module + "..")
        .should().dependOnClassesThat(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "internal classes of another module",
                c -> c.getPackageName().startsWith("dev.aiinfra.")
                    && c.getPackageName().contains(".internal")
                    && !c.getPackageName().startsWith("dev.aiinfra." + module + ".")))
        .allowEmptyShould(true);
  }

  /** No grab-bag classes. */
  public static ArchRule noGrabBagNames() {
    return noClasses()
        .should().haveSimpleNameEndingWith("Util")
        .orShould().haveSimpleNameEndingWith("Utils")
        .orShould().haveSimpleNameEndingWith("Helper")
        .orShould().haveSimpleNameEndingWith("Manager")
        .allowEmptyShould(true);
  }

  /** No {@code throw new RuntimeException/Exception/Throwable}. */
  public static ArchRule noGenericExceptions() {
    return GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.allowEmptyShould(true);
  }

  /** Library code logs through SLF4J only. */
  public static ArchRule noJavaUtilLogging() {
    return GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.allowEmptyShould(true);
  }

  /** The name of a test method: a sentence in snake_case; a word after an underscore may keep an upstream identifier's case. */
  public static final String TEST_NAME = "[a-z][a-z0-9]*(_[A-Za-z0-9]+)*";

  /**
   * One test-naming style: every test method reads as the behaviour it specifies, in snake_case
   * ({@code a_gang_that_does_not_fit_names_the_level}). Analyse the module with
   * {@code ImportOption.OnlyIncludeTests}.
   */
  public static ArchRule testsAreNamedForTheirBehaviour() {
    return methods()
        .that().areAnnotatedWith("org.junit.jupiter.api.Test")
        .or().areAnnotatedWith("org.junit.jupiter.params.ParameterizedTest")
        .or().areAnnotatedWith("org.junit.jupiter.api.RepeatedTest")
        .or().areAnnotatedWith("org.junit.jupiter.api.TestFactory")
        .should().haveNameMatching(TEST_NAME)
        .because("tests read like specifications, one behaviour per test, named for it in one style")
        .allowEmptyShould(true);
  }
}
