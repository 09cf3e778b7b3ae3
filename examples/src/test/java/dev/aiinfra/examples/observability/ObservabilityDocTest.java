package dev.aiinfra.examples.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.observability.model.MonitoringOptions;
import dev.aiinfra.observability.model.rules.AlertRule;
import dev.aiinfra.observability.model.rules.RuleSet;
import dev.aiinfra.observability.model.slo.ServingSlo;
import dev.aiinfra.observability.model.workload.MonitoredWorkload;
import dev.aiinfra.observability.model.workload.WorkloadKind;
import dev.aiinfra.observability.policy.MonitoringPlan;
import dev.aiinfra.observability.policy.slo.ServingSloRules;
import dev.aiinfra.scheduling.model.GangTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/observability.md} is generated from the alert rules themselves: every alert the SDK can
 * render (the GPU, gang, scheduler, Kueue and restart rules of a monitoring plan over workloads with
 * every gang implementation, and the serving SLO rules of the example deployment), its severity,
 * expression, what it means ({@code description}) and what to do ({@code runbook}). A stale page is
 * rewritten in place and the test fails, so the fix is to review and commit it.
 */
class ObservabilityDocTest {
  private static final Path DOC = Path.of("..").resolve("docs/observability.md");

  static List<RuleSet> ruleSets() {
    List<MonitoredWorkload> workloads = new ArrayList<>();
    for (GangTarget g : GangTarget.values()) {
      String name = "train-" + g.name().toLowerCase(java.util.Locale.ROOT);
      workloads.add(MonitoredWorkload.builder().kind(WorkloadKind.JOBSET).name(name).namespace("ml").gpusPerPod(8).gang(g).addRoles("workers").build());
    }
    workloads.add(MonitoredWorkload.builder().kind(WorkloadKind.LEADER_WORKER_SET).name("qwen3-decode").namespace("serving").gpusPerPod(4)
        .metricsPort("http").build());
    List<RuleSet> sets = new ArrayList<>(MonitoringPlan.of(workloads, MonitoringOptions.defaults()).ruleSets());
    sets.add(ServingSloRules.of(ServingSlo.of(ObservedServingExample.deployment(), ObservedServingExample.sla())
        .withRequestLatencySeconds(30)).rules());
    return sets;
  }

  static String markdown() {
    Map<String, AlertRule> alerts = new LinkedHashMap<>();
    Map<String, String> groupOf = new LinkedHashMap<>();
    for (RuleSet set : ruleSets()) {
      for (AlertRule a : set.alerts()) {
        if (alerts.putIfAbsent(a.alert(), a) == null) {
          groupOf.put(a.alert(), set.name().replaceAll("^qwen3-", ""));
        }
      }
    }
    StringBuilder md = new StringBuilder();
    md.append("# Alerts\n\n")
        .append("Every alert `ai-infra observe render` (and `serve render --monitoring`) can generate, with its expression, what it means and\n")
        .append("what to do when it fires. Generated from the rule objects' own `description` and `runbook` annotations by\n")
        .append("`ObservabilityDocTest` (examples module), which rewrites this page when it is stale: do not edit it by hand.\n")
        .append("Each alert's `runbook` annotation links to its section here; its `description` (below each expression) says what it\n")
        .append("means and what to do when it fires.\n")
        .append("Expressions are shown for sample workloads (a JobSet per gang implementation, the Qwen3-32B-FP8 deployment of\n")
        .append("`ObservedServingExample` with TTFT ≤ 300 ms, TPOT ≤ 10 ms and a 30 s request limit); names, namespaces and\n")
        .append("thresholds follow your workloads and options.\n\n")
        .append("| alert | severity | rule set |\n|---|---|---|\n");
    alerts.values().forEach(a -> md.append("| [`").append(a.alert()).append("`](#").append(a.alert().toLowerCase(java.util.Locale.ROOT)).append(") | ")
        .append(a.severity()).append(" | ").append(groupOf.get(a.alert())).append(" |\n"));
    for (AlertRule a : alerts.values()) {
      md.append("\n## ").append(a.alert()).append("\n\n");
      md.append("Severity **").append(a.severity()).append("**").append(a.forDuration().map(f -> ", after holding for " + f).orElse(", at once"))
          .append(". ").append(a.annotations().getOrDefault("summary", "")).append("\n\n");
      md.append("```promql\n").append(a.expr().strip()).append("\n```\n\n");
      // The description says what the alert means and what to do; its runbook annotation links back here.
      md.append(a.annotations().getOrDefault("description", "").strip()).append("\n");
    }
    return md.toString();
  }

  @Test
  void docs_observability_md_is_generated_from_the_alert_rules() throws IOException {
    String expected = markdown();
    String actual = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
    if (!actual.equals(expected)) {
      Files.writeString(DOC, expected, StandardCharsets.UTF_8);
    }
    assertThat(actual).as("docs/observability.md was stale and has been regenerated from the alert rules; review and commit it").isEqualTo(expected);
  }

  @Test
  void every_alert_says_what_it_means_and_what_to_do() {
    for (RuleSet set : ruleSets()) {
      assertThat(set.alerts()).allSatisfy(a -> assertThat(a.annotations()).as(a.alert()).containsKeys("summary", "description", "runbook")
          .containsEntry("runbook", "docs/observability.md#" + a.alert().toLowerCase(java.util.Locale.ROOT)));
    }
  }
}
