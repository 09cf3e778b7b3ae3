package dev.aiinfra.observability.policy.slo;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.observability.model.metrics.EngineHistogram;
import dev.aiinfra.observability.model.engine.ServingEngine;
import dev.aiinfra.observability.model.rules.AlertRule;
import dev.aiinfra.observability.model.rules.RecordingRule;
import dev.aiinfra.observability.model.rules.Rule;
import dev.aiinfra.observability.model.rules.RuleGroup;
import dev.aiinfra.observability.model.rules.RuleSet;
import dev.aiinfra.observability.model.slo.BurnRateWindow;
import dev.aiinfra.observability.model.slo.ServingSlo;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The Prometheus rules of a {@link ServingSlo}, for the engine in use, in three groups:
 *
 * <ol>
 *   <li>{@code serving-<name>-signals}: TTFT and inter-token latency quantiles per workload and
 *       role ({@code serving_workload:ttft_seconds:p90_rate5m}; a LeaderWorkerSet-style role is its
 *       own workload), waiting requests in total and per replica, running requests, and KV-cache
 *       utilisation (average and fullest replica), under
 *       engine-neutral names so dashboards and scalers do not depend on the engine;
 *   <li>{@code serving-<name>-slo-sli}: the share of client-facing requests over each limit, over
 *       every window the burn-rate pairs read ({@code serving:slo_errors:ratio_rate1h{slo="ttft"}}),
 *       as Sloth and Pyrra record them;
 *   <li>{@code serving-<name>-slo-alerts}: per SLI, a paging alert (1h/5m at 14.4×, 6h/30m at 6×) and
 *       a ticket alert (1d/2h at 3×, 3d/6h at 1×): both windows of a pair must burn the error
 *       budget faster than the factor, and the pairs are OR-ed (Google SRE Workbook); plus a
 *       warning when a workload's KV cache stays nearly full, which precedes preemptions and queueing.
 * </ol>
 *
 * A limit that is not a bucket bound of the engine's histogram is measured at the bound below it,
 * with a warning; one below every bound is left out, with an error.
 */
public final class ServingSloRules {
  /** KV-cache utilisation above which a role is "nearly full" (vLLM starts preempting at 100 %). */
  public static final double KV_CACHE_NEARLY_FULL = 0.95;
  /** Where each alert's page is: the generated alert reference, one section per alert. */
  static final String RUNBOOK = "docs/observability.md#";

  private ServingSloRules() {}

  /** The rules and what had to be adjusted or left out to write them. */
  public record Result(RuleSet rules, List<Diagnostic> diagnostics) {
    public Result {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** One latency SLI: its short name, title, histogram and limit. */
  private record Sli(String id, String title, EngineHistogram histogram, double limitSeconds) {}

  public static Result of(ServingSlo slo) {
    List<Diagnostic> notes = new ArrayList<>();
    List<Sli> slis = new ArrayList<>();
    ServingEngine e = slo.engine();
    addSli(slis, notes, "ttft", "time to first token", e.ttft(), OptionalDouble.of(slo.ttftSeconds()));
    addSli(slis, notes, "itl", "inter-token latency", e.interTokenLatency(), slo.interTokenLatencySeconds());
    addSli(slis, notes, "request_latency", "request latency", e.requestLatency(), slo.requestLatencySeconds());
    List<RuleGroup> groups = new ArrayList<>();
    groups.add(RuleGroup.builder().name("serving-" + slo.name() + "-signals").rules(signals(slo)).build());
    if (!slis.isEmpty()) {
      List<Rule> sli = new ArrayList<>();
      List<Rule> alerts = new ArrayList<>();
      for (Sli s : slis) {
        for (String w : BurnRateWindow.windows(slo.burnRateWindows())) {
          sli.add(errorRatio(slo, s, w));
        }
        alerts.addAll(burnAlerts(slo, s));
      }
      groups.add(RuleGroup.builder().name("serving-" + slo.name() + "-slo-sli").rules(sli).build());
      alerts.add(kvCacheNearlyFull(slo));
      groups.add(RuleGroup.builder().name("serving-" + slo.name() + "-slo-alerts").rules(alerts).build());
    } else {
      groups.add(RuleGroup.builder().name("serving-" + slo.name() + "-slo-alerts").addRules(kvCacheNearlyFull(slo)).build());
    }
    RuleSet set = RuleSet.builder().name(slo.name() + "-serving-slo").namespace(slo.namespace()).labels(slo.ruleLabels()).groups(groups).build();
    return new Result(set, notes);
  }

  private static void addSli(List<Sli> slis, List<Diagnostic> notes, String id, String title, EngineHistogram h, OptionalDouble limit) {
    if (limit.isEmpty()) {
      return;
    }
    LatencyThreshold t = LatencyThreshold.choose(title, h, limit.getAsDouble());
    t.note().ifPresent(notes::add);
    t.seconds().ifPresent(s -> slis.add(new Sli(id, title, h, s)));
  }

  private static List<Rule> signals(ServingSlo slo) {
    ServingEngine e = slo.engine();
    String all = ServingSeries.all(slo);
    List<Rule> rules = new ArrayList<>();
    for (double q : slo.quantiles()) {
      rules.add(record(slo, "serving_workload:ttft_seconds:" + quantileName(q) + "_rate" + slo.quantileWindow(),
          quantile(q, e.ttft(), all, slo.quantileWindow())));
      rules.add(record(slo, "serving_workload:itl_seconds:" + quantileName(q) + "_rate" + slo.quantileWindow(),
          quantile(q, e.interTokenLatency(), all, slo.quantileWindow())));
    }
    String byRole = "namespace, " + ServingSeries.WORKLOAD + ", " + ServingSeries.ROLE;
    rules.add(record(slo, "serving_workload:queue_depth:sum", "sum by (" + byRole + ") (" + e.queueDepth() + "{" + all + "})"));
    // Only a replica's serving pod (the LWS leader) exposes the engine's metrics, so per pod is per replica.
    rules.add(record(slo, "serving_workload:queue_depth_per_replica:avg",
        "avg by (" + byRole + ") (sum by (" + byRole + ", pod) (" + e.queueDepth() + "{" + all + "}))"));
    rules.add(record(slo, "serving_workload:running_requests:sum", "sum by (" + byRole + ") (" + e.running() + "{" + all + "})"));
    rules.add(record(slo, "serving_workload:kv_cache_utilisation:avg", "avg by (" + byRole + ") (" + e.kvCacheUtilisation() + "{" + all + "})"));
    rules.add(record(slo, "serving_workload:kv_cache_utilisation:max", "max by (" + byRole + ") (" + e.kvCacheUtilisation() + "{" + all + "})"));
    return rules;
  }

  private static String quantile(double q, EngineHistogram h, String matchers, String window) {
    return "histogram_quantile(" + number(q) + ", sum by (namespace, " + ServingSeries.WORKLOAD + ", " + ServingSeries.ROLE + ", le) (rate(" + h.bucket() + "{" + matchers + "}[" + window + "])))";
  }

  private static RecordingRule errorRatio(ServingSlo slo, Sli s, String window) {
    String m = ServingSeries.clientFacing(slo);
    String expr = "1 - (\n  sum by (namespace) (rate(" + s.histogram().bucket() + "{" + m + ",le=\"" + BucketBound.le(s.limitSeconds()) + "\"}[" + window + "]))\n"
        + "  /\n  sum by (namespace) (rate(" + s.histogram().count() + "{" + m + "}[" + window + "]))\n)";
    return RecordingRule.builder().record("serving:slo_errors:ratio_rate" + window).expr(expr)
        .labels(Map.of(ServingSeries.SERVING, slo.name(), ServingSeries.SLO, s.id())).build();
  }

  private static List<AlertRule> burnAlerts(ServingSlo slo, Sli s) {
    List<AlertRule> alerts = new ArrayList<>();
    for (String severity : List.of("page", "ticket")) {
      List<BurnRateWindow> pairs = slo.burnRateWindows().stream().filter(w -> w.severity().equals(severity)).toList();
      if (pairs.isEmpty()) {
        continue;
      }
      String sel = "{" + ServingSeries.recorded(slo) + "," + ServingSeries.SLO + "=\"" + s.id() + "\"}";
      List<String> ors = new ArrayList<>();
      StringBuilder windows = new StringBuilder();
      for (BurnRateWindow w : pairs) {
        String threshold = BigDecimal.valueOf(w.factor()).multiply(BigDecimal.ONE.subtract(BigDecimal.valueOf(slo.objective())))
            .stripTrailingZeros().toPlainString();
        ors.add("(\n  serving:slo_errors:ratio_rate" + w.longWindow() + sel + " > " + threshold + "\n  and\n  serving:slo_errors:ratio_rate"
            + w.shortWindow() + sel + " > " + threshold + "\n)");
        windows.append(windows.length() == 0 ? "" : "; ").append(fmt("%s/%s above %s× (%s)", w.longWindow(), w.shortWindow(), number(w.factor()), threshold));
      }
      String limit = BucketBound.le(s.limitSeconds());
      String title = Character.toUpperCase(s.title().charAt(0)) + s.title().substring(1);
      String alert = "Serving" + camel(s.id()) + "BudgetBurn" + camel(severity);
      boolean page = severity.equals("page");
      alerts.add(AlertRule.builder().alert(alert)
          .expr(String.join("\nor\n", ors))
          .forDuration(page ? "2m" : "15m")
          .labels(Map.of("severity", severity, ServingSeries.SERVING, slo.name(), ServingSeries.SLO, s.id()))
          .annotations(Map.of(
              "summary", fmt("%s of %s/%s is burning its error budget %s", title, slo.namespace(), slo.name(), page ? "fast" : "steadily"),
              "description", fmt("More than %s of requests should have their %s under %s s (%s, %s). The share over the limit is above the budget "
                  + "burn rate on both windows of a pair: %s. The fastest pair spends %s of the 30-day budget %s. ",
                  percent(slo.objective()), s.title(), limit, s.histogram().name(), "le=\"" + limit + "\"", windows,
                  percent(pairs.get(0).budgetSpent()), "within " + pairs.get(0).longWindow()) + (page
                  ? fmt("Check serving_workload:%s and serving_workload:queue_depth_per_replica:avg for the workload that degraded; if requests queue or the KV cache is full, "
                      + "add replicas (the ScaledObject's maxReplicaCount may be the cap); if latency rose without load, look for a slow or restarted pod, "
                      + "a failing GPU (XID, throttling) or a slow KV transfer between prefill and decode.", s.id().equals("itl") ? "itl_seconds:p99_rate5m" : "ttft_seconds:p99_rate5m")
                  : "A slow, steady burn: compare load with capacity over the last days, raise minReplicas or the autoscaler's targets, or revisit the SLA with `ai-infra pd plan`."),
              "runbook", RUNBOOK + alert.toLowerCase(Locale.ROOT)))
          .build());
    }
    return alerts;
  }

  private static AlertRule kvCacheNearlyFull(ServingSlo slo) {
    return AlertRule.builder().alert("ServingKvCacheNearlyFull")
        .expr("serving_workload:kv_cache_utilisation:avg{" + ServingSeries.recorded(slo) + "} > " + number(KV_CACHE_NEARLY_FULL))
        .forDuration("10m")
        .labels(Map.of("severity", "warning", ServingSeries.SERVING, slo.name()))
        .annotations(Map.of(
            "summary", fmt("%s of %s/%s has its KV cache nearly full", "{{ $labels.workload }}", slo.namespace(), slo.name()),
            "description", fmt("The average KV-cache utilisation (%s) of the workload's serving pods has stayed above %s for 10 minutes: the engine will queue or preempt requests, "
                + "and TTFT rises. ", slo.engine().kvCacheUtilisation(), percent(KV_CACHE_NEARLY_FULL)) + "Add replicas of that workload (check the ScaledObject's KV-cache trigger and maxReplicaCount), lower the engine's batch limit, "
                + "or give it more KV memory (FP8 KV cache, a larger GPU memory fraction, a higher TP).",
            "runbook", RUNBOOK + "servingkvcachenearlyfull"))
        .build();
  }

  private static RecordingRule record(ServingSlo slo, String name, String expr) {
    return RecordingRule.builder().record(name).expr(expr).labels(Map.of(ServingSeries.SERVING, slo.name())).build();
  }

  /** {@code 0.9} → {@code p90}, {@code 0.99} → {@code p99}, {@code 0.999} → {@code p999}. */
  static String quantileName(double q) {
    return "p" + BigDecimal.valueOf(q).movePointRight(2).stripTrailingZeros().toPlainString().replace(".", "");
  }

  private static String number(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  private static String percent(double share) {
    return BigDecimal.valueOf(share).movePointRight(2).stripTrailingZeros().toPlainString() + " %";
  }

  private static String camel(String id) {
    StringBuilder b = new StringBuilder();
    for (String part : id.split("_")) {
      b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return b.toString();
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

}
