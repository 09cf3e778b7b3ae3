package dev.aiinfra.serving.policy.pd;

import dev.aiinfra.serving.model.pd.PlanRequest;
import dev.aiinfra.serving.model.pd.RooflineConstants;
import dev.aiinfra.serving.model.pd.ServingSla;
import dev.aiinfra.serving.model.pd.Traffic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses between aggregated and disaggregated serving the way AIConfigurator's {@code cli default}
 * does, on the {@link Roofline} instead of measured tables: aggregated replicas over (TP, batch)
 * with in-flight batching, disaggregated xPyD replicas over (prefill TP, decode TP, decode batch,
 * x, y) with rate matching, both under TTFT, TPOT and request-latency limits, ranked by output
 * tokens/s per GPU of the budget. Pure and deterministic.
 */
public final class PdPlanner {
  /** Ranking: tokens/s per budget GPU, then tokens/s per user, then fewer GPUs, then the label. */
  static final Comparator<ServingConfiguration> RANKING =
      Comparator.comparingDouble(ServingConfiguration::tokensPerSecondPerGpu).reversed()
          .thenComparing(Comparator.comparingDouble(ServingConfiguration::tokensPerSecondPerUser).reversed())
          .thenComparingInt(ServingConfiguration::gpus)
          .thenComparing(ServingConfiguration::label);

  private PdPlanner() {}

  /** Searches both modes and explains the outcome. */
  public static PdPlan plan(PlanRequest request) {
    Roofline roofline = new Roofline(request.model(), request.gpu(), request.backend(), request.constants());
    List<ServingConfiguration> aggregated = aggregated(request, roofline);
    List<ServingConfiguration> disaggregated = disaggregated(request, roofline);
    List<ServingConfiguration> all = new ArrayList<>(aggregated);
    all.addAll(disaggregated);
    all.sort(RANKING);
    PdPlan.Builder plan = PdPlan.builder()
        .request(request)
        .bestAggregated(aggregated.stream().min(RANKING))
        .bestDisaggregated(disaggregated.stream().min(RANKING))
        .candidates(all.subList(0, Math.min(request.top(), all.size())));
    PdPlan draft = plan.build();
    return plan.explanations(PlanExplainer.explain(draft, roofline)).build();
  }

  /** The best aggregated configuration of each tensor-parallel size that meets the SLA. */
  static List<ServingConfiguration> aggregated(PlanRequest request, Roofline roofline) {
    List<ServingConfiguration> best = new ArrayList<>();
    for (int tp : tensorParallelSizes(request)) {
      bestAggregated(request, roofline, tp).ifPresent(best::add);
    }
    return best;
  }

  static Optional<ServingConfiguration> bestAggregated(PlanRequest request, Roofline roofline, int tp) {
    Traffic t = request.traffic();
    int maxBatch = roofline.maxBatch(tp, t.inputTokens() + t.outputTokens());
    ServingConfiguration best = null;
    for (int batch : SearchGrid.AGGREGATED_BATCHES) {
      if (batch > maxBatch) {
        break;
      }
      ServingConfiguration c = aggregatedAt(request, roofline, tp, batch);
      if (request.sla().isMetBy(c.ttftMs(), c.tpotMs(), c.requestLatencyMs()) && (best == null || RANKING.compare(c, best) < 0)) {
        best = c;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Aggregated TP-{@code tp} replicas decoding {@code batch} sequences: a fraction
   * {@code min(1, batch/OSL)} of steps also prefill one prompt, which sets TTFT (with
   * AIConfigurator's queueing factor) and inflates TPOT.
   */
  static ServingConfiguration aggregatedAt(PlanRequest request, Roofline roofline, int tp, int batch) {
    Traffic t = request.traffic();
    RooflineConstants k = request.constants();
    double context = meanContext(t);
    double decode = roofline.decodeStepSeconds(tp, batch, context);
    double mixed = roofline.mixedStepSeconds(tp, batch, t.newInputTokens(), t.prefixTokens(), context);
    double f = Math.min(1.0, (double) batch / t.outputTokens());
    double tpot = (1 - f) * decode + f * mixed;
    double ttft = k.aggregatedTtftQueueing(batch) * mixed;
    int replicas = request.totalGpus() / tp;
    double perUsedGpu = batch / tpot / tp;
    return ServingConfiguration.builder()
        .mode(ServingMode.AGGREGATED)
        .replicas(replicas)
        .decode(WorkerGroup.of(1, tp, batch))
        .gpus(replicas * tp)
        .ttftMs(ttft * 1e3)
        .tpotMs(tpot * 1e3)
        .requestLatencyMs((ttft + tpot * (t.outputTokens() - 1)) * 1e3)
        .tokensPerSecondPerUsedGpu(perUsedGpu)
        .tokensPerSecondPerGpu(perUsedGpu * replicas * tp / request.totalGpus())
        .tokensPerSecondPerUser(1 / tpot)
        .concurrency(replicas * batch)
        .kvTransferMs(0)
        .build();
  }

  /** The best xPyD configuration of each (prefill TP, decode TP) pair that meets the SLA. */
  static List<ServingConfiguration> disaggregated(PlanRequest request, Roofline roofline) {
    Traffic t = request.traffic();
    ServingSla sla = request.sla();
    RooflineConstants k = request.constants();
    int[] sizes = SearchGrid.replicaSizes(request.totalGpus());
    List<ServingConfiguration> best = new ArrayList<>();
    int[] tps = tensorParallelSizes(request);
    double[] decodeTpot = new double[SearchGrid.DECODE_BATCHES.length];
    // Corrected prefill time per prefill TP (NaN where the weights leave no room for one prompt's KV cache).
    double[] prefillSeconds = new double[tps.length];
    for (int p = 0; p < tps.length; p++) {
      prefillSeconds[p] = roofline.maxBatch(tps[p], t.inputTokens()) < 1 ? Double.NaN
          : k.prefillCorrection() * roofline.prefillSeconds(tps[p], 1, t.newInputTokens(), t.prefixTokens());
    }
    for (int tpDecode : tps) {
      int maxBatch = roofline.maxBatch(tpDecode, t.inputTokens() + t.outputTokens());
      int batches = 0;
      while (batches < decodeTpot.length && SearchGrid.DECODE_BATCHES[batches] <= maxBatch) {
        decodeTpot[batches] = k.decodeCorrection() * roofline.decodeStepSeconds(tpDecode, SearchGrid.DECODE_BATCHES[batches], meanContext(t));
        batches++;
      }
      for (int p = 0; p < tps.length; p++) {
        int tpPrefill = tps[p];
        double prefill = prefillSeconds[p];
        if (Double.isNaN(prefill) || batches == 0) {
          continue;
        }
        double transfer = roofline.kvTransferSeconds(request.kvTransport(), t.inputTokens(), tpPrefill, tpDecode);
        double ttft = k.disaggTtftQueueing() * prefill + transfer;
        if (ttft * 1e3 > sla.ttftMs()) {
          continue;
        }
        ServingConfiguration pairBest = null;
        for (int b = 0; b < batches; b++) {
          int batch = SearchGrid.DECODE_BATCHES[b];
          double tpot = decodeTpot[b];
          double latency = ttft + tpot * (t.outputTokens() - 1);
          if (!sla.isMetBy(ttft * 1e3, tpot * 1e3, latency * 1e3)) {
            continue;
          }
          ServingConfiguration c = bestRateMatch(request, sizes, tpPrefill, prefill, tpDecode, batch, tpot, ttft, transfer);
          if (c != null && (pairBest == null || RANKING.compare(c, pairBest) < 0)) {
            pairBest = c;
          }
        }
        if (pairBest != null) {
          best.add(pairBest);
        }
      }
    }
    return best;
  }

  /**
   * The (x, y) worker counts that make the most of the budget: requests/s of a replica is the
   * smaller of its prefill rate and its decode rate (each discounted as AIConfigurator does), and
   * a replica size that does not divide the budget leaves GPUs idle.
   */
  private static ServingConfiguration bestRateMatch(
      PlanRequest request, int[] sizes, int tpPrefill, double prefill, int tpDecode, int batch, double tpot, double ttft, double transfer) {
    Traffic t = request.traffic();
    RooflineConstants k = request.constants();
    int total = request.totalGpus();
    double prefillRate = k.prefillRateFactor() / prefill;
    double decodeRate = k.decodeRateFactor() * batch / (tpot * (t.outputTokens() - 1));
    double bestScore = -1;
    int bestX = 0;
    int bestY = 0;
    int bestSize = 0;
    for (int size : sizes) {
      for (int x = 1; x <= SearchGrid.MAX_WORKERS_PER_ROLE && x * tpPrefill < size; x++) {
        int rest = size - x * tpPrefill;
        if (rest % tpDecode != 0 || rest / tpDecode > SearchGrid.MAX_WORKERS_PER_ROLE) {
          continue;
        }
        int y = rest / tpDecode;
        double requestsPerSecond = Math.min(x * prefillRate, y * decodeRate);
        double score = requestsPerSecond * t.outputTokens() / size * ((double) (total / size) * size / total);
        if (score > bestScore) {
          bestScore = score;
          bestX = x;
          bestY = y;
          bestSize = size;
        }
      }
    }
    if (bestSize == 0) {
      return null;
    }
    int replicas = total / bestSize;
    double requestsPerSecond = Math.min(bestX * prefillRate, bestY * decodeRate);
    double perUsedGpu = requestsPerSecond * t.outputTokens() / bestSize;
    return ServingConfiguration.builder()
        .mode(ServingMode.DISAGGREGATED)
        .replicas(replicas)
        .prefill(WorkerGroup.of(bestX, tpPrefill, 1))
        .decode(WorkerGroup.of(bestY, tpDecode, batch))
        .gpus(replicas * bestSize)
        .ttftMs(ttft * 1e3)
        .tpotMs(tpot * 1e3)
        .requestLatencyMs((ttft + tpot * (t.outputTokens() - 1)) * 1e3)
        .tokensPerSecondPerUsedGpu(perUsedGpu)
        .tokensPerSecondPerGpu(perUsedGpu * replicas * bestSize / total)
        .tokensPerSecondPerUser(1 / tpot)
        .concurrency(replicas * bestY * batch)
        .kvTransferMs(transfer * 1e3)
        .build();
  }

  /** Mean KV length over a request's decode: the whole prompt plus half the output. */
  static double meanContext(Traffic t) {
    return t.inputTokens() + t.outputTokens() / 2.0;
  }

  /** Tensor-parallel sizes within the budget and one node's NVLink domain. */
  static int[] tensorParallelSizes(PlanRequest request) {
    return java.util.Arrays.stream(SearchGrid.TENSOR_PARALLEL)
        .filter(tp -> tp <= request.totalGpus() && tp <= request.gpu().gpusPerNode())
        .toArray();
  }
}
