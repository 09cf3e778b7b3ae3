package dev.aiinfra.observability.policy.slo;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.Severity;
import dev.aiinfra.observability.model.ObservabilityCode;
import dev.aiinfra.observability.model.engine.ServingEngine;
import dev.aiinfra.observability.model.engine.ServingWorkload;
import dev.aiinfra.observability.model.rules.RuleSet;
import dev.aiinfra.observability.model.slo.ServingSlo;
import dev.aiinfra.observability.policy.PlanEntry;
import dev.aiinfra.serving.model.pd.ServingSla;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The serving SLOs of the serving workloads found in a manifest set: workloads are grouped into
 * deployments (namespace and the {@code llm-d.ai/model} label), each deployment gets the {@link
 * ServingSloRules} of the SLA for its engine (the one given, else the one its containers run),
 * measured at its client-facing workloads, with one line of "what and why" per rule set.
 */
public final class ServingSloPlanner {
  private ServingSloPlanner() {}

  /** The rule sets, what was generated and why, and the notes. */
  public record Plan(List<ServingSlo> slos, List<RuleSet> ruleSets, List<PlanEntry> entries, List<Diagnostic> diagnostics) {
    public Plan {
      slos = List.copyOf(slos);
      ruleSets = List.copyOf(ruleSets);
      entries = List.copyOf(entries);
      diagnostics = List.copyOf(diagnostics);
    }
  }

  public static Plan plan(List<ServingWorkload> serving, ServingSla sla, double objective, Optional<ServingEngine> engine, Map<String, String> ruleLabels) {
    Map<String, List<ServingWorkload>> deployments = new LinkedHashMap<>();
    for (ServingWorkload w : serving) {
      deployments.computeIfAbsent(w.namespace() + "/" + w.deployment(), k -> new ArrayList<>()).add(w);
    }
    List<ServingSlo> slos = new ArrayList<>();
    List<RuleSet> sets = new ArrayList<>();
    List<PlanEntry> entries = new ArrayList<>();
    List<Diagnostic> notes = new ArrayList<>();
    for (List<ServingWorkload> ws : deployments.values()) {
      ServingWorkload first = ws.get(0);
      String where = first.namespace() + "/" + first.deployment();
      List<ServingWorkload> facing = ws.stream().filter(ServingWorkload::clientFacing).toList();
      if (facing.isEmpty()) {
        notes.add(Diagnostic.builder().code(ObservabilityCode.SLO_NO_CLIENT_FACING_WORKLOAD.name()).severity(Severity.WARNING).path(where)
            .message("serving deployment " + where + " has only prefill workloads, so no latency SLO is measured; its signals are still recorded")
            .hint("include the decode (or aggregated) workload in the input").build());
      }
      ServingEngine e = engine.or(() -> ws.stream().map(ServingWorkload::engine).flatMap(Optional::stream).findFirst()).orElseGet(() -> {
        notes.add(Diagnostic.builder().code(ObservabilityCode.SLO_ENGINE_ASSUMED.name()).severity(Severity.INFO).path(where)
            .message("no container of " + where + " names vLLM, SGLang or TensorRT-LLM; its rules read vLLM's metrics").hint("pass --engine").build());
        return ServingEngine.VLLM;
      });
      ServingSlo.Builder b = ServingSlo.builder().name(first.deployment()).namespace(first.namespace()).engine(e).objective(objective)
          .ttftSeconds(sla.ttftMs() / 1000).ruleLabels(ruleLabels);
      ws.forEach(w -> b.addWorkloads(w.name()));
      (facing.isEmpty() ? ws : facing).forEach(w -> b.addClientFacingWorkloads(w.name()));
      if (facing.stream().anyMatch(w -> w.role().equals(ServingWorkload.DISAGGREGATED))) {
        b.clientFacingRole("decode");
      }
      if (Double.isFinite(sla.tpotMs())) {
        b.interTokenLatencySeconds(sla.tpotMs() / 1000);
      }
      sla.requestLatencyMs().ifPresent(ms -> b.requestLatencySeconds(ms / 1000));
      ServingSlo slo = b.build();
      ServingSloRules.Result r = ServingSloRules.of(slo);
      slos.add(slo);
      sets.add(r.rules());
      r.diagnostics().forEach(d -> notes.add(Diagnostic.builder().from(d).path(where).build()));
      entries.add(new PlanEntry("PrometheusRule", first.namespace() + "/" + r.rules().name(), "serving deployment " + where, why(slo, r)));
    }
    return new Plan(slos, sets, entries, notes);
  }

  private static String why(ServingSlo slo, ServingSloRules.Result r) {
    List<String> limits = new ArrayList<>();
    limits.add("TTFT ≤ " + seconds(slo.ttftSeconds()));
    slo.interTokenLatencySeconds().ifPresent(s -> limits.add("ITL ≤ " + seconds(s)));
    slo.requestLatencySeconds().ifPresent(s -> limits.add("request ≤ " + seconds(s)));
    long alerts = r.rules().alerts().size();
    return String.format(Locale.ROOT, "%s serving SLO: %s for %s of requests at %s; p90/p99, queue and KV cache per workload; %d alerts",
        slo.engine().id(), String.join(", ", limits), BigDecimal.valueOf(slo.objective()).movePointRight(2).stripTrailingZeros().toPlainString() + " %",
        String.join(",", new java.util.TreeSet<>(slo.clientFacingWorkloads())), alerts);
  }

  private static String seconds(double s) {
    return BigDecimal.valueOf(s).stripTrailingZeros().toPlainString() + " s";
  }
}
