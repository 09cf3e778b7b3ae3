package dev.aiinfra.cli.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.aiinfra.cli.AiInfraCommand;
import dev.aiinfra.cli.Main;
import dev.aiinfra.core.architecture.LayerRules;
import java.util.Set;

@AnalyzeClasses(packages = "dev.aiinfra.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchRule model_and_policy_do_not_use_fabric8_or_jackson =
      LayerRules.modelAndPolicyDoNotUseFabric8OrJackson();

  @ArchTest
  static final ArchRule model_and_policy_depend_only_on_jdk_and_model =
      LayerRules.modelAndPolicyDependOnlyOnJdkAndModel();

  @ArchTest static final ArchRule policy_does_not_log = LayerRules.policyDoesNotLog();

  @ArchTest static final ArchRule policy_is_deterministic = LayerRules.policyIsDeterministic();

  @ArchTest
  static final ArchRule only_cluster_and_cli_use_the_client = LayerRules.onlyClusterAndCliUseTheClient();

  @ArchTest static final ArchRule layers_point_down = LayerRules.layersPointDown();

  @ArchTest
  static final ArchRule policy_does_not_reach_the_edges = LayerRules.policyDoesNotReachTheEdges();

  @ArchTest static final ArchRule render_does_not_reach_cluster = LayerRules.renderDoesNotReachCluster();

  @ArchTest static final ArchRule one_mapper = LayerRules.oneMapper();

  @ArchTest static final ArchRule no_package_cycles = LayerRules.noPackageCycles("cli");

  @ArchTest static final ArchRule no_foreign_internals = LayerRules.noForeignInternals("cli");

  @ArchTest static final ArchRule no_grab_bag_names = LayerRules.noGrabBagNames();

  @ArchTest static final ArchRule no_generic_exceptions = LayerRules.noGenericExceptions();

  @ArchTest static final ArchRule no_java_util_logging = LayerRules.noJavaUtilLogging();

  /**
   * The program (the root command, {@code Main}, {@code batch} and what builds the tree) sits on top;
   * each subcommand package is a slice; the rest of the root package (mixins, exit codes) is shared
   * at the bottom. With these slices the command tree has no import circle.
   */
  private static final Set<String> PROGRAM =
      Set.of("AiInfraCommand", "Main", "BatchCommand", "CommandFactory", "ProfileDefaults");

  private static final SliceAssignment CLI_SLICES = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass c) {
      String pkg = c.getPackageName();
      if (pkg.equals("dev.aiinfra.cli")) {
        String top = c.getName().substring(pkg.length() + 1).replaceFirst("\\$.*", "");
        return SliceIdentifier.of(PROGRAM.contains(top) ? "program" : "shared");
      }
      if (pkg.startsWith("dev.aiinfra.cli.")) {
        return SliceIdentifier.of(pkg.substring("dev.aiinfra.cli.".length()).split("\\.")[0]);
      }
      return SliceIdentifier.ignore();
    }

    @Override
    public String getDescription() {
      return "the program, each subcommand package, and the shared mixins of dev.aiinfra.cli";
    }
  };

  @ArchTest
  static final ArchRule no_cycles_between_cli_slices =
      slices().assignedFrom(CLI_SLICES).should().beFreeOfCycles()
          .because("the root command lists the subcommands, so nothing below it may import it back (the old import circle)");

  @ArchTest
  static final ArchRule subcommands_do_not_depend_on_the_root_command =
      noClasses().that().resideInAPackage("dev.aiinfra.cli.*..")
          .should().dependOnClassesThat().belongToAnyOf(AiInfraCommand.class, Main.class)
          .because("standard input and every shared setting reach a command through its mixins, not through the root command");

  @ArchTest
  static final ArchRule no_decisions_in_cli =
      noClasses().that().resideInAPackage("dev.aiinfra.cli..")
          .and().doNotBelongToAnyOf(Main.class)
          .should().dependOnClassesThat().resideInAPackage("io.fabric8.kubernetes.api.model..")
          .because("reading and judging Kubernetes objects is the library's job (readers, policies, reviews): the command"
              + " passes the SourcedObjects it read to the library and prints the typed result (the render"
              + " scenarios are the example programs' objects); Main reads the Status of a cluster error to print it");
}
