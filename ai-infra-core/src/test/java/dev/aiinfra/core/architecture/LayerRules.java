package dev.aiinfra.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.ArrayList;
import java.util.List;

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

  /** Lower layers never reach up: model below policy below render below cluster. */
  public static ArchRule layersPointDown() {
    return noClasses()
        .that().resideInAPackage("dev.aiinfra..model..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("dev.aiinfra..policy..", "dev.aiinfra..render..", "dev.aiinfra..cluster..")
        .orShould().dependOnClassesThat().resideInAPackage("dev.aiinfra.cli..")
        .allowEmptyShould(true);
  }

  /** policy does not reach render or cluster. */
  public static ArchRule policyDoesNotReachTheEdges() {
    return noClasses()
        .that().resideInAPackage("dev.aiinfra..policy..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("dev.aiinfra..render..", "dev.aiinfra..cluster..", "dev.aiinfra.cli..")
        .allowEmptyShould(true);
  }

  /** render does not reach cluster. */
  public static ArchRule renderDoesNotReachCluster() {
    return noClasses()
        .that().resideInAPackage("dev.aiinfra..render..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.aiinfra..cluster..", "dev.aiinfra.cli..")
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
}
