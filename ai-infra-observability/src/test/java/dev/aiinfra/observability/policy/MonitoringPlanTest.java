package dev.aiinfra.observability.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.golden.Golden;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.core.shared.SharedData;
import dev.aiinfra.observability.model.MonitoringOptions;
import dev.aiinfra.observability.model.Signal;
import dev.aiinfra.observability.model.metrics.MetricCatalog;
import dev.aiinfra.observability.model.rules.PromQlNames;
import dev.aiinfra.observability.model.rules.RecordingRule;
import dev.aiinfra.observability.model.rules.Rule;
import dev.aiinfra.observability.model.rules.RuleSet;
import dev.aiinfra.observability.model.workload.MonitoredWorkload;
import dev.aiinfra.observability.promtool.Promtool;
import dev.aiinfra.observability.render.MonitoringPlanRenderer;
import dev.aiinfra.observability.render.RuleFileRenderer;
import dev.aiinfra.testing.Gen;
import dev.aiinfra.testing.Property;
import dev.aiinfra.testing.Seeds;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MonitoringPlanTest {
  static String yaml(MonitoringPlan plan) {
    return ManifestBundle.of(MonitoringPlanRenderer.render(plan)).toYaml();
  }

  @Test
  void the_plan_for_training_and_serving_workloads_matches_its_golden() {
    Golden.assertMatches("plan-training-serving.yaml", yaml(PlanFixtures.plan()));
  }

  @Test
  void every_rendered_object_is_valid_against_the_prometheus_operator_crds() {
    for (HasMetadata o : MonitoringPlanRenderer.render(PlanFixtures.plan())) {
      assertThat(SharedData.crds().validate(o)).as(o.getKind() + " " + o.getMetadata().getName()).isEmpty();
    }
  }

  @Test
  void every_rule_file_passes_promtool_check_rules() {
    Map<String, String> files = new LinkedHashMap<>();
    PlanFixtures.plan().ruleSets().forEach(r -> files.put(r.name() + ".yml", RuleFileRenderer.render(r)));
    Promtool.Result r = Promtool.checkRules(files);
    assertThat(r.ok()).as(r.output()).isTrue();
  }

  @Test
  void every_metric_an_expression_reads_is_in_the_exporters_catalogs_or_recorded_by_the_plan() {
    MonitoringPlan plan = PlanFixtures.plan();
    Set<String> recorded = plan.ruleSets().stream().flatMap(r -> r.recordingRules().stream()).map(RecordingRule::record).collect(Collectors.toSet());
    List<String> unknown = new ArrayList<>();
    for (RuleSet set : plan.ruleSets()) {
      set.rules().forEach(rule -> PromQlNames.metricNames(rule.expr()).stream()
          .filter(n -> !recorded.contains(n) && MetricCatalog.bySeries(n).isEmpty())
          .forEach(n -> unknown.add(rule.name() + ": " + n)));
    }
    assertThat(unknown).isEmpty();
    assertThat(recorded).contains(WorkloadJoin.INFO, GpuRules.ACTIVE, GangRules.PENDING, RestartRules.IN_PLACE);
  }

  @Test
  void the_join_rules_ask_kube_state_metrics_to_allow_list_the_pod_labels_they_read() {
    assertThat(PlanFixtures.plan().diagnostics()).filteredOn(d -> d.code().equals("GPU_KSM_ALLOWLIST")).singleElement()
        .extracting(d -> d.hint().orElse("")).asString()
        .contains("jobset.sigs.k8s.io/jobset-name", "leaderworkerset.sigs.k8s.io/worker-index", "disaggregatedset.x-k8s.io/role");
  }

  @Test
  void a_plan_without_gpu_workloads_says_why_it_has_no_gpu_rules() {
    MonitoringPlan plan = MonitoringPlan.of(List.of(PlanFixtures.router()), MonitoringOptions.builder().signals(EnumSet.of(Signal.GPU)).build());
    assertThat(plan.ruleSets()).isEmpty();
    assertThat(plan.diagnostics()).extracting(Diagnostic::code).contains("PLAN_SIGNAL_UNUSED");
  }

  @Test
  void every_generated_object_has_a_line_saying_why() {
    MonitoringPlan plan = PlanFixtures.plan();
    assertThat(plan.entries()).hasSize(plan.monitors().size() + plan.ruleSets().size()).allMatch(e -> !e.why().isBlank());
  }

  @Test
  void the_rules_do_not_depend_on_the_order_of_the_workloads_and_their_names_are_unique() {
    Gen<List<MonitoredWorkload>> subsets = r -> {
      List<MonitoredWorkload> all = new ArrayList<>(PlanFixtures.all());
      Collections.shuffle(all, new java.util.Random(r.nextLong()));
      return all.subList(0, 1 + r.nextInt(all.size()));
    };
    for (long seed : Seeds.of(10).toArray()) {
      Property.forAll(seed, subsets, 20, ws -> {
        List<MonitoredWorkload> reversed = new ArrayList<>(ws);
        Collections.reverse(reversed);
        MonitoringPlan a = MonitoringPlan.of(ws, PlanFixtures.options());
        MonitoringPlan b = MonitoringPlan.of(reversed, PlanFixtures.options());
        assertThat(a.ruleSets()).isEqualTo(b.ruleSets());
        assertThat(yaml(a)).isEqualTo(yaml(MonitoringPlan.of(ws, PlanFixtures.options())));
        Set<String> identities = new TreeSet<>();
        a.ruleSets().stream().flatMap(RuleSet::rules).map(Rule::identity).forEach(id -> assertThat(identities.add(id)).as(id).isTrue());
      });
    }
  }
}
