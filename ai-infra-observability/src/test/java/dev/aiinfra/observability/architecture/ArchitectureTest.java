package dev.aiinfra.observability.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.aiinfra.core.architecture.LayerRules;

@AnalyzeClasses(packages = "dev.aiinfra.observability", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchRule model_and_policy_do_not_use_fabric8_or_jackson =
      LayerRules.modelAndPolicyDoNotUseFabric8OrJackson();

  @ArchTest
  static final ArchRule model_and_policy_depend_only_on_jdk_and_model =
      LayerRules.modelAndPolicyDependOnlyOnJdkAndModel("com.google.errorprone..");

  @ArchTest static final ArchRule policy_does_not_log = LayerRules.policyDoesNotLog();

  @ArchTest static final ArchRule policy_is_deterministic = LayerRules.policyIsDeterministic();

  @ArchTest
  static final ArchRule only_cluster_and_cli_use_the_client = LayerRules.onlyClusterAndCliUseTheClient();

  @ArchTest static final ArchRule layers_point_down = LayerRules.layersPointDown();

  @ArchTest
  static final ArchRule policy_does_not_reach_the_edges = LayerRules.policyDoesNotReachTheEdges();

  @ArchTest static final ArchRule render_does_not_reach_cluster = LayerRules.renderDoesNotReachCluster();

  @ArchTest static final ArchRule render_does_not_reach_read = LayerRules.renderDoesNotReachRead();

  @ArchTest static final ArchRule read_does_not_reach_cluster = LayerRules.readDoesNotReachCluster();

  @ArchTest static final ArchRule readers_live_in_their_seam = LayerRules.readersLiveInTheirSeam();

  @ArchTest static final ArchRule one_mapper = LayerRules.oneMapper();

  @ArchTest static final ArchRule no_package_cycles = LayerRules.noPackageCycles("observability");

  @ArchTest static final ArchRule no_foreign_internals = LayerRules.noForeignInternals("observability");

  @ArchTest static final ArchRule no_grab_bag_names = LayerRules.noGrabBagNames();

  @ArchTest static final ArchRule no_generic_exceptions = LayerRules.noGenericExceptions();

  @ArchTest static final ArchRule no_java_util_logging = LayerRules.noJavaUtilLogging();
}
