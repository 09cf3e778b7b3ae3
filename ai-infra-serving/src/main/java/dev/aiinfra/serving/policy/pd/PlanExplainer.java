package dev.aiinfra.serving.policy.pd;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.Severity;
import dev.aiinfra.serving.model.ServingCode;
import dev.aiinfra.serving.model.pd.KvTransport;
import dev.aiinfra.serving.model.pd.PlanRequest;
import dev.aiinfra.serving.model.pd.Traffic;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Says why the winner wins and what holds the other mode back, with the reasons the domain notes
 * give for disaggregation not paying (short prompts, loose TPOT, low concurrency, slow KV
 * transfer, GPU granularity). Codes are stable.
 */
final class PlanExplainer {

  /** Below this share of a request's GPU time spent in prefill, separating prefill gains little. */
  static final double SHORT_PROMPT_SHARE = 0.15;
  /** Above this share of disaggregated TTFT spent moving KV, the transport is the bottleneck. */
  static final double SLOW_TRANSFER_SHARE = 0.25;
  static final int LOW_CONCURRENCY_BATCH = 8;

  private PlanExplainer() {}

  static List<Diagnostic> explain(PdPlan plan, Roofline roofline) {
    PlanRequest r = plan.request();
    List<Diagnostic> out = new ArrayList<>();
    int[] tps = PdPlanner.tensorParallelSizes(r);
    int largest = tps[tps.length - 1];
    if (roofline.maxBatch(largest, r.traffic().inputTokens() + r.traffic().outputTokens()) < 1) {
      double weightsGb = roofline.model().weightBytes() / 1e9;
      out.add(Diagnostic.builder().code(ServingCode.PD_MODEL_TOO_LARGE)
          .message(fmt("%s needs %.1f GB of weights; even at TP%d one %s (%.0f GB) has no room left for the KV cache of one %d-token request",
              r.model().hfId(), weightsGb, largest, r.gpu().id(), r.gpu().memoryBytes() / 1e9, r.traffic().inputTokens() + r.traffic().outputTokens()))
          .hint("use a larger GPU, FP8 weights, or a model-parallel layout beyond one node (not searched)").build());
      return out;
    }
    if (!plan.isFeasible()) {
      out.add(noConfiguration(r, roofline, largest));
      return out;
    }
    ServingConfiguration best = plan.best().orElseThrow();
    if (plan.bestAggregated().isPresent() && plan.bestDisaggregated().isPresent()) {
      ServingConfiguration agg = plan.bestAggregated().get();
      ServingConfiguration dis = plan.bestDisaggregated().get();
      double gain = dis.tokensPerSecondPerGpu() / agg.tokensPerSecondPerGpu();
      if (best.mode() == ServingMode.DISAGGREGATED) {
        out.add(Diagnostic.info(ServingCode.PD_DISAGG_WINS, fmt(
            "disaggregated %s gives %.1f tokens/s/GPU, %.2fx the best aggregated %s (%.1f): aggregated replicas must fold prefill into decode steps, "
                + "which holds them to batch %d at TPOT %.2f ms, while decode-only workers run batch %d at TPOT %.2f ms and prefill runs at TP%d, decode at TP%d",
            dis.label(), dis.tokensPerSecondPerGpu(), gain, agg.label(), agg.tokensPerSecondPerGpu(),
            agg.decode().batch(), agg.tpotMs(), dis.decode().batch(), dis.tpotMs(), dis.prefill().orElseThrow().tp(), dis.decode().tp())));
      } else {
        out.add(Diagnostic.info(ServingCode.PD_AGG_WINS, fmt(
            "aggregated %s gives %.1f tokens/s/GPU, %.2fx the best disaggregated %s (%.1f)",
            agg.label(), agg.tokensPerSecondPerGpu(), 1 / gain, dis.label(), dis.tokensPerSecondPerGpu())));
      }
    } else if (plan.bestDisaggregated().isEmpty()) {
      out.add(Diagnostic.builder().code(ServingCode.PD_NO_DISAGGREGATED).severity(Severity.INFO)
          .message(fmt("no disaggregated configuration meets the SLA within %d GPUs; aggregated %s is the only option", r.totalGpus(), best.label()))
          .build());
    } else {
      out.add(Diagnostic.builder().code(ServingCode.PD_NO_AGGREGATED).severity(Severity.INFO)
          .message(fmt("no aggregated configuration meets TTFT <= %.0f ms and TPOT <= %s: prefill interference in every batch breaks one of them; disaggregated %s meets both",
              r.sla().ttftMs(), limit(r.sla().tpotMs()), best.label()))
          .build());
    }
    shortPrompt(r, roofline, plan).ifPresent(out::add);
    looseTpot(r, roofline, plan).ifPresent(out::add);
    lowConcurrency(plan).ifPresent(out::add);
    slowTransfer(r, roofline, plan).ifPresent(out::add);
    granularity(r, plan).ifPresent(out::add);
    return out;
  }

  private static Diagnostic noConfiguration(PlanRequest r, Roofline roofline, int largest) {
    Traffic t = r.traffic();
    double ttft = Double.MAX_VALUE;
    double tpot = Double.MAX_VALUE;
    for (int tp : PdPlanner.tensorParallelSizes(r)) {
      if (roofline.maxBatch(tp, t.inputTokens() + t.outputTokens()) < 1) {
        continue;
      }
      ttft = Math.min(ttft, r.constants().disaggTtftQueueing() * r.constants().prefillCorrection()
          * roofline.prefillSeconds(tp, 1, t.newInputTokens(), t.prefixTokens()) * 1e3);
      tpot = Math.min(tpot, roofline.decodeStepSeconds(tp, 1, PdPlanner.meanContext(t)) * 1e3);
    }
    return Diagnostic.builder().code(ServingCode.PD_NO_CONFIGURATION)
        .message(fmt("no configuration of %s on up to %d %s meets TTFT <= %.0f ms, TPOT <= %s%s: the fastest prefill gives TTFT %.1f ms and the fastest decode TPOT %.2f ms (TP up to %d)",
            r.model().hfId(), r.totalGpus(), r.gpu().id(), r.sla().ttftMs(), limit(r.sla().tpotMs()),
            r.sla().requestLatencyMs().isPresent() ? fmt(", request latency <= %.0f ms", r.sla().requestLatencyMs().getAsDouble()) : "",
            ttft, tpot, largest))
        .hint("relax the SLA, shorten the prompt or use faster GPUs")
        .build();
  }

  private static java.util.Optional<Diagnostic> shortPrompt(PlanRequest r, Roofline roofline, PdPlan plan) {
    Traffic t = r.traffic();
    ServingConfiguration ref = plan.bestAggregated().orElse(plan.best().orElseThrow());
    int tp = ref.decode().tp();
    int batch = ref.decode().batch();
    double prefill = roofline.prefillSeconds(tp, 1, t.newInputTokens(), t.prefixTokens());
    double decodePerRequest = roofline.decodeStepSeconds(tp, batch, PdPlanner.meanContext(t)) * (t.outputTokens() - 1) / batch;
    double share = prefill / (prefill + decodePerRequest);
    if (share >= SHORT_PROMPT_SHARE) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(Diagnostic.info(ServingCode.PD_SHORT_PROMPT, fmt(
        "prefill of %d new prompt tokens is only %.0f%% of a request's GPU time against %d output tokens (TP%d, batch %d), so moving it to separate workers gains little",
        t.newInputTokens(), share * 100, t.outputTokens(), tp, batch)));
  }

  private static java.util.Optional<Diagnostic> looseTpot(PlanRequest r, Roofline roofline, PdPlan plan) {
    if (plan.bestAggregated().isEmpty()) {
      return java.util.Optional.empty();
    }
    ServingConfiguration agg = plan.bestAggregated().get();
    int tp = agg.decode().tp();
    int batch = agg.decode().batch();
    int maxBatch = Math.min(roofline.maxBatch(tp, r.traffic().inputTokens() + r.traffic().outputTokens()), 512);
    int next = nextBatch(batch);
    if (next <= maxBatch) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(Diagnostic.info(ServingCode.PD_LOOSE_TPOT, fmt(
        "TPOT <= %s and TTFT <= %.0f ms let aggregated TP%d replicas run batch %d, as large as the KV cache (or the batch limit) allows, so prefill interference is amortised and disaggregation has little to win",
        limit(r.sla().tpotMs()), r.sla().ttftMs(), tp, batch)));
  }

  private static java.util.Optional<Diagnostic> lowConcurrency(PdPlan plan) {
    ServingConfiguration best = plan.best().orElseThrow();
    if (best.decode().batch() > LOW_CONCURRENCY_BATCH) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(Diagnostic.info(ServingCode.PD_LOW_CONCURRENCY, fmt(
        "the SLA allows only batch %d per decode worker (%d requests in flight in total): at such low concurrency both modes are latency-bound and disaggregation mostly adds GPUs that wait",
        best.decode().batch(), best.concurrency())));
  }

  private static java.util.Optional<Diagnostic> slowTransfer(PlanRequest r, Roofline roofline, PdPlan plan) {
    Traffic t = r.traffic();
    if (plan.bestDisaggregated().isPresent()) {
      ServingConfiguration dis = plan.bestDisaggregated().get();
      if (dis.kvTransferMs() <= SLOW_TRANSFER_SHARE * dis.ttftMs()) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(Diagnostic.builder().code(ServingCode.PD_SLOW_KV_TRANSFER).severity(Severity.WARNING)
          .message(fmt("moving %.1f MB of KV cache per request over %s takes %.1f ms, %.0f%% of the disaggregated TTFT",
              t.inputTokens() * roofline.model().kvBytesPerToken() / 1e6, r.kvTransport(), dis.kvTransferMs(), 100 * dis.kvTransferMs() / dis.ttftMs()))
          .hint(r.kvTransport() == KvTransport.TCP ? "use RDMA (NIXL over InfiniBand or RoCE) between prefill and decode workers" : "keep prefill and decode in one NVLink domain or add NICs")
          .build());
    }
    // Would disaggregation have met TTFT without the transfer?
    for (int tpP : PdPlanner.tensorParallelSizes(r)) {
      if (roofline.maxBatch(tpP, t.inputTokens()) < 1) {
        continue;
      }
      double ttft = r.constants().disaggTtftQueueing() * r.constants().prefillCorrection() * roofline.prefillSeconds(tpP, 1, t.newInputTokens(), t.prefixTokens());
      double transfer = roofline.kvTransferSeconds(r.kvTransport(), t.inputTokens(), tpP, tpP);
      if (ttft * 1e3 <= r.sla().ttftMs() && (ttft + transfer) * 1e3 > r.sla().ttftMs()) {
        return java.util.Optional.of(Diagnostic.builder().code(ServingCode.PD_SLOW_KV_TRANSFER).severity(Severity.WARNING)
            .message(fmt("disaggregation misses TTFT <= %.0f ms only because moving the KV cache over %s takes %.1f ms (prefill TP%d alone: %.1f ms)",
                r.sla().ttftMs(), r.kvTransport(), transfer * 1e3, tpP, ttft * 1e3))
            .hint("use RDMA between prefill and decode workers")
            .build());
      }
    }
    return java.util.Optional.empty();
  }

  private static java.util.Optional<Diagnostic> granularity(PlanRequest r, PdPlan plan) {
    if (plan.bestDisaggregated().isEmpty()) {
      return java.util.Optional.empty();
    }
    ServingConfiguration dis = plan.bestDisaggregated().get();
    int idle = r.totalGpus() - dis.gpus();
    if (idle == 0) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(Diagnostic.info(ServingCode.PD_GPU_GRANULARITY, fmt(
        "the best rate-matched xPyD replica uses %d GPUs, so %d of %d GPUs stay idle; tokens/s/GPU counts them (%.1f per GPU in use)",
        dis.gpusPerReplica(), idle, r.totalGpus(), dis.tokensPerSecondPerUsedGpu())));
  }

  private static int nextBatch(int batch) {
    for (int b : SearchGrid.AGGREGATED_BATCHES) {
      if (b > batch) {
        return b;
      }
    }
    return Integer.MAX_VALUE;
  }

  private static String limit(double ms) {
    return Double.isInfinite(ms) ? "unbounded" : fmt("%.1f ms", ms);
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
