package dev.aiinfra.observability.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.observability.model.MonitoringOptions;
import dev.aiinfra.observability.model.autoscale.ScaleTarget;
import dev.aiinfra.observability.model.autoscale.ScalerTrigger;
import dev.aiinfra.observability.model.engine.ServingEngine;
import dev.aiinfra.observability.model.metrics.Metric;
import dev.aiinfra.observability.model.metrics.MetricCatalog;
import dev.aiinfra.observability.model.metrics.MetricSource;
import dev.aiinfra.observability.model.monitor.MonitorSpec;
import dev.aiinfra.observability.model.monitor.Relabeling;
import dev.aiinfra.observability.model.monitor.ScrapeEndpoint;
import dev.aiinfra.observability.model.rules.PromQlNames;
import dev.aiinfra.observability.model.rules.RecordingRule;
import dev.aiinfra.observability.model.rules.RuleSet;
import dev.aiinfra.observability.model.slo.ServingSlo;
import dev.aiinfra.observability.model.workload.MonitoredWorkload;
import dev.aiinfra.observability.model.workload.WorkloadKind;
import dev.aiinfra.observability.policy.MonitoringPlan;
import dev.aiinfra.observability.policy.autoscale.ScalerTriggers;
import dev.aiinfra.observability.policy.slo.ServingSloRules;
import dev.aiinfra.observability.policy.slo.SloFixtures;
import dev.aiinfra.scheduling.model.GangTarget;
import dev.aiinfra.serving.model.pd.Backend;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every expression the SDK renders, the monitors' rules and the serving SLO rules and scaler
 * queries alike, reads only metrics the domain notes list for its exporter or engine (or series
 * another rule records), and relies only on labels that the exporter puts on the metric, that the
 * Prometheus Operator or the monitors' relabelings write, or that a recording rule keeps or adds.
 */
class RenderedExpressionsTest {
  /** Target labels the Prometheus Operator writes on every scraped series (promcfg.go, §4 of the notes). */
  private static final Set<String> OPERATOR_TARGET_LABELS = Set.of("namespace", "pod", "container", "job", "endpoint", "instance", "service");
  private static final Pattern MATCHERS = Pattern.compile("\\{([^}]*)}");
  private static final Pattern MATCHER_NAME = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!=|!~|=)");
  private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)");
  private static final Pattern LABEL_REPLACE_TARGET = Pattern.compile("label_replace\\([^\"]*\"([a-zA-Z_][a-zA-Z0-9_]*)\"");

  static MonitoringPlan monitorsPlan() {
    List<MonitoredWorkload> workloads = List.of(
        MonitoredWorkload.builder().kind(WorkloadKind.JOBSET).name("trainer").namespace("ml").gpusPerPod(8).gang(GangTarget.KUEUE)
            .addRoles("workers").build(),
        MonitoredWorkload.builder().kind(WorkloadKind.LEADER_WORKER_SET).name("qwen3-decode").namespace("serving").gpusPerPod(4)
            .metricsPort("http").build(),
        MonitoredWorkload.builder().kind(WorkloadKind.STATEFUL_SET).name("db").namespace("ml").putPodSelector("app", "db").build());
    return MonitoringPlan.of(workloads, MonitoringOptions.defaults());
  }

  static List<RuleSet> servingRuleSets() {
    List<RuleSet> out = new ArrayList<>();
    for (Backend b : Backend.values()) {
      out.add(ServingSloRules.of(ServingSlo.of(SloFixtures.qwen().withBackend(b), SloFixtures.sla())).rules());
    }
    return out;
  }

  @Test
  void every_metric_an_expression_reads_is_catalogued_or_recorded() {
    List<RuleSet> sets = new ArrayList<>(monitorsPlan().ruleSets());
    sets.addAll(servingRuleSets());
    Set<String> recorded = new HashSet<>();
    sets.forEach(s -> s.recordingRules().forEach(r -> recorded.add(r.record())));
    List<String> unknown = new ArrayList<>();
    for (RuleSet set : sets) {
      set.rules().forEach(rule -> PromQlNames.metricNames(rule.expr()).stream()
          .filter(n -> !recorded.contains(n) && MetricCatalog.bySeries(n).isEmpty())
          .forEach(n -> unknown.add(set.name() + "/" + rule.name() + ": " + n)));
    }
    for (ServingEngine e : ServingEngine.values()) {
      for (ScalerTrigger t : ScalerTriggers.of(SloFixtures.decodeAutoscaler().withTpotSloMs(50), e, ScaleTarget.leaderWorkerSet("d", "ns", "decode"))) {
        PromQlNames.metricNames(t.query()).stream().filter(n -> MetricCatalog.bySeries(n).isEmpty()).forEach(n -> unknown.add("trigger " + t.name() + ": " + n));
      }
    }
    assertThat(unknown).isEmpty();
  }

  @Test
  void serving_rules_and_triggers_read_only_their_own_engine_s_metrics() {
    for (Backend b : Backend.values()) {
      ServingEngine e = ServingEngine.of(b);
      MetricSource source = MetricSource.valueOf(e.name());
      RuleSet set = ServingSloRules.of(ServingSlo.of(SloFixtures.qwen().withBackend(b), SloFixtures.sla())).rules();
      List<String> reads = new ArrayList<>();
      set.rules().forEach(r -> reads.addAll(PromQlNames.metricNames(r.expr())));
      ScalerTriggers.of(SloFixtures.decodeAutoscaler().withTpotSloMs(50), e, ScaleTarget.leaderWorkerSet("d", "ns", "decode"))
          .forEach(t -> reads.addAll(PromQlNames.metricNames(t.query())));
      assertThat(reads).as(b.id()).isNotEmpty();
      reads.stream().map(MetricCatalog::bySeries).flatMap(java.util.Optional::stream)
          .forEach(m -> assertThat(m.source()).as(b.id() + " reads " + m.name()).isEqualTo(source));
      assertThat(e.metrics()).extracting(Metric::source).containsOnly(source);
    }
  }

  @Test
  void every_label_an_expression_relies_on_is_written_by_the_exporter_the_relabelings_or_a_recording_rule() {
    MonitoringPlan plan = monitorsPlan();
    Set<String> relabeled = new HashSet<>(OPERATOR_TARGET_LABELS);
    for (MonitorSpec m : plan.monitors()) {
      m.podTargetLabels().forEach(k -> relabeled.add(k.replaceAll("[^a-zA-Z0-9_]", "_")));
      for (ScrapeEndpoint e : m.endpoints()) {
        e.relabelings().forEach(r -> r.targetLabel().filter(t -> !t.startsWith("__")).ifPresent(relabeled::add));
        e.metricRelabelings().forEach(r -> r.targetLabel().filter(t -> !t.startsWith("__")).ifPresent(relabeled::add));
      }
    }
    List<RuleSet> sets = new ArrayList<>(plan.ruleSets());
    sets.addAll(servingRuleSets());
    // The labels a recorded series may carry: what its own expression could see, plus its static labels.
    Map<String, Set<String>> recordedLabels = new HashMap<>();
    for (int pass = 0; pass < 4; pass++) {
      for (RuleSet set : sets) {
        for (RecordingRule r : set.recordingRules()) {
          Set<String> l = recordedLabels.computeIfAbsent(r.record(), k -> new HashSet<>());
          l.addAll(available(r.expr(), relabeled, recordedLabels));
          l.addAll(r.labels().keySet());
        }
      }
    }
    List<String> missing = new ArrayList<>();
    for (RuleSet set : sets) {
      set.rules().forEach(rule -> {
        Set<String> available = available(rule.expr(), relabeled, recordedLabels);
        for (String label : reliedOn(rule.expr())) {
          if (!available.contains(label)) {
            missing.add(set.name() + "/" + rule.name() + ": " + label);
          }
        }
      });
    }
    for (ScalerTrigger t : ScalerTriggers.of(SloFixtures.decodeAutoscaler(), ServingEngine.VLLM, ScaleTarget.leaderWorkerSet("d", "ns", "decode"))) {
      Set<String> available = available(t.query(), relabeled, recordedLabels);
      reliedOn(t.query()).stream().filter(l -> !available.contains(l)).forEach(l -> missing.add("trigger " + t.name() + ": " + l));
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void the_serving_selectors_rely_on_the_workload_label_the_monitors_write() {
    Set<String> relabeled = new HashSet<>();
    monitorsPlan().monitors().forEach(m -> m.endpoints().forEach(e -> e.relabelings().stream().map(Relabeling::targetLabel)
        .flatMap(java.util.Optional::stream).forEach(relabeled::add)));
    assertThat(relabeled).contains("workload", "role");
  }

  /** Labels a series read by {@code expr} may carry: target labels, each read metric's own labels, {@code le}, recorded ones. */
  private static Set<String> available(String expr, Set<String> relabeled, Map<String, Set<String>> recordedLabels) {
    Set<String> out = new HashSet<>(relabeled);
    for (String name : PromQlNames.metricNames(expr)) {
      MetricCatalog.bySeries(name).ifPresent(m -> {
        out.addAll(m.labels());
        if (name.endsWith("_bucket")) {
          out.add("le");
        }
        if (m.name().equals("kube_pod_labels")) {
          out.add("label_*");
        }
      });
      out.addAll(recordedLabels.getOrDefault(name, Set.of()));
    }
    Matcher replaced = LABEL_REPLACE_TARGET.matcher(expr);
    while (replaced.find()) {
      out.add(replaced.group(1));
    }
    if (out.contains("label_*")) {
      // kube_pod_labels carries label_<key> for every allow-listed pod label key.
      Matcher m = Pattern.compile("\\blabel_[a-zA-Z0-9_]+").matcher(expr.replaceAll("label_replace\\(", "("));
      while (m.find()) {
        out.add(m.group());
      }
    }
    return out;
  }

  /** Label names in matchers and grouping clauses. */
  private static Set<String> reliedOn(String expr) {
    String unquoted = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
    Set<String> out = new HashSet<>();
    Matcher m = MATCHERS.matcher(unquoted);
    while (m.find()) {
      Matcher n = MATCHER_NAME.matcher(m.group(1));
      while (n.find()) {
        if (!n.group(1).equals("__name__")) {
          out.add(n.group(1));
        }
      }
    }
    Matcher g = GROUPING.matcher(unquoted);
    while (g.find()) {
      for (String l : g.group(2).split(",")) {
        if (!l.isBlank()) {
          out.add(l.trim());
        }
      }
    }
    return out;
  }

}
