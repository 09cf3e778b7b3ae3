package dev.aiinfra.serving.policy.pd;

import dev.aiinfra.serving.model.pd.PlanRequest;
import dev.aiinfra.serving.model.pd.RooflineConstants;
import dev.aiinfra.serving.model.pd.Traffic;

/**
 * An independent, exhaustive oracle for the planner: every aggregated (TP, batch) and every
 * disaggregated (prefill TP, decode TP, batch, x, y) in AIConfigurator's grids is scored from the
 * roofline's primitives, with no pruning, and the best tokens/s per budget GPU is returned.
 */
final class BruteForcePlanner {
  private static final int[] AGG_BATCHES = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 20, 24, 28, 32, 40, 48, 56, 64, 80, 96, 112, 128,
      144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384, 416, 448, 480, 512};

  private BruteForcePlanner() {}

  private static int[] decodeBatches() {
    java.util.List<Integer> b = new java.util.ArrayList<>();
    for (int i = 1; i <= 15; i++) {
      b.add(i);
    }
    for (int i = 16; i <= 30; i += 2) {
      b.add(i);
    }
    for (int i = 32; i <= 124; i += 4) {
      b.add(i);
    }
    for (int i = 128; i <= 504; i += 8) {
      b.add(i);
    }
    b.add(512);
    return b.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The best tokens/s per budget GPU under the SLA, or −1 when nothing meets it. */
  static double bestTokensPerSecondPerGpu(PlanRequest r) {
    Roofline roofline = new Roofline(r.model(), r.gpu(), r.backend(), r.constants());
    RooflineConstants k = r.constants();
    Traffic t = r.traffic();
    int n = r.totalGpus();
    double context = t.inputTokens() + t.outputTokens() / 2.0;
    int full = t.inputTokens() + t.outputTokens();
    double best = -1;
    for (int tp = 1; tp <= Math.min(8, n); tp *= 2) {
      for (int batch : AGG_BATCHES) {
        if (batch > roofline.maxBatch(tp, full)) {
          continue;
        }
        double dec = roofline.decodeStepSeconds(tp, batch, context);
        double mix = roofline.mixedStepSeconds(tp, batch, t.newInputTokens(), t.prefixTokens(), context);
        double f = Math.min(1.0, (double) batch / t.outputTokens());
        double tpot = (1 - f) * dec + f * mix;
        double ttft = Math.min(2 + (batch - 3) / 20.0, 4) * mix;
        if (r.sla().isMetBy(ttft * 1e3, tpot * 1e3, (ttft + tpot * (t.outputTokens() - 1)) * 1e3)) {
          best = Math.max(best, batch / tpot / tp * (n / tp) * tp / n);
        }
      }
    }
    for (int tpP = 1; tpP <= Math.min(8, n); tpP *= 2) {
      if (roofline.maxBatch(tpP, t.inputTokens()) < 1) {
        continue;
      }
      double prefill = k.prefillCorrection() * roofline.prefillSeconds(tpP, 1, t.newInputTokens(), t.prefixTokens());
      for (int tpD = 1; tpD <= Math.min(8, n); tpD *= 2) {
        double ttft = k.disaggTtftQueueing() * prefill + roofline.kvTransferSeconds(r.kvTransport(), t.inputTokens(), tpP, tpD);
        for (int batch : decodeBatches()) {
          if (batch > roofline.maxBatch(tpD, full)) {
            continue;
          }
          double tpot = k.decodeCorrection() * roofline.decodeStepSeconds(tpD, batch, context);
          if (!r.sla().isMetBy(ttft * 1e3, tpot * 1e3, (ttft + tpot * (t.outputTokens() - 1)) * 1e3)) {
            continue;
          }
          for (int x = 1; x <= 32; x++) {
            for (int y = 1; y <= 32; y++) {
              int size = x * tpP + y * tpD;
              boolean allowed = size <= n && size <= 128 && (size == 1 || size == 2 || size == 4 || size % 8 == 0);
              if (!allowed) {
                continue;
              }
              double rps = Math.min(0.9 * x / prefill, 0.92 * y * batch / (tpot * (t.outputTokens() - 1)));
              best = Math.max(best, rps * t.outputTokens() / size * (n / size) * size / n);
            }
          }
        }
      }
    }
    return best;
  }
}
