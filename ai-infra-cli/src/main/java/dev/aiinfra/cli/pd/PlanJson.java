package dev.aiinfra.cli.pd;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.cli.output.JsonOut;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.serving.model.pd.PlanRequest;
import dev.aiinfra.serving.policy.pd.PdPlan;
import dev.aiinfra.serving.policy.pd.ServingConfiguration;
import dev.aiinfra.serving.policy.pd.WorkerGroup;
import java.util.Optional;

/** The {@code pd plan} JSON contract. */
public final class PlanJson {
  private PlanJson() {}

  public static ObjectNode of(PdPlan plan) {
    ObjectNode root = JsonOut.object();
    Optional<String> advice = plan.advice().map(m -> m.id());
    if (advice.isPresent()) {
      root.put("advice", advice.get());
    } else {
      root.putNull("advice");
    }
    configuration(root, "best", plan.best());
    configuration(root, "bestAggregated", plan.bestAggregated());
    configuration(root, "bestDisaggregated", plan.bestDisaggregated());
    ArrayNode candidates = root.putArray("candidates");
    plan.candidates().forEach(c -> candidates.add(configuration(c)));
    plan.disaggregationGain().ifPresent(g -> root.put("disaggregationGain", round(g, 3)));
    ArrayNode explanations = root.putArray("explanations");
    for (Diagnostic d : plan.explanations()) {
      explanations.add(JsonOut.diagnostic(d));
    }
    root.set("request", request(plan.request()));
    return root;
  }

  private static void configuration(ObjectNode root, String field, Optional<ServingConfiguration> c) {
    if (c.isPresent()) {
      root.set(field, configuration(c.get()));
    } else {
      root.putNull(field);
    }
  }

  static ObjectNode configuration(ServingConfiguration c) {
    ObjectNode n = JsonOut.object().put("mode", c.mode().id()).put("replicas", c.replicas());
    c.prefill().ifPresent(p -> n.set("prefill", group(p)));
    n.set("decode", group(c.decode()));
    n.put("gpus", c.gpus())
        .put("ttftMs", round(c.ttftMs(), 2))
        .put("tpotMs", round(c.tpotMs(), 2))
        .put("requestLatencyMs", round(c.requestLatencyMs(), 2))
        .put("tokensPerSecondPerGpu", round(c.tokensPerSecondPerGpu(), 2))
        .put("tokensPerSecondPerUser", round(c.tokensPerSecondPerUser(), 2))
        .put("concurrency", c.concurrency());
    if (c.prefill().isPresent()) {
      n.put("kvTransferMs", round(c.kvTransferMs(), 2));
    }
    return n;
  }

  private static ObjectNode group(WorkerGroup g) {
    return JsonOut.object().put("workers", g.workers()).put("tp", g.tp()).put("batch", g.batch());
  }

  private static ObjectNode request(PlanRequest r) {
    ObjectNode n = JsonOut.object()
        .put("model", r.model().checkpoint())
        .put("system", r.gpu().id())
        .put("totalGpus", r.totalGpus())
        .put("isl", r.traffic().inputTokens())
        .put("osl", r.traffic().outputTokens())
        .put("prefix", r.traffic().prefixTokens())
        .put("ttftMs", r.sla().ttftMs());
    if (Double.isInfinite(r.sla().tpotMs())) {
      n.putNull("tpotMs");
    } else {
      n.put("tpotMs", r.sla().tpotMs());
    }
    r.sla().requestLatencyMs().ifPresent(l -> n.put("requestLatencyMs", l));
    return n.put("backend", r.backend().id()).put("kvTransport", r.kvTransport().name().toLowerCase(java.util.Locale.ROOT));
  }

  private static double round(double v, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(v * scale) / scale;
  }
}
