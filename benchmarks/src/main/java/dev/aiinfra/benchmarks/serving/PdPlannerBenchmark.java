package dev.aiinfra.benchmarks.serving;

import dev.aiinfra.serving.model.autoscale.AutoscalerSpec;
import dev.aiinfra.serving.model.autoscale.MetricSample;
import dev.aiinfra.serving.model.pd.PdCatalog;
import dev.aiinfra.serving.model.pd.PlanRequest;
import dev.aiinfra.serving.model.pd.ServingSla;
import dev.aiinfra.serving.model.pd.Traffic;
import dev.aiinfra.serving.policy.autoscale.ScalingDecision;
import dev.aiinfra.serving.policy.autoscale.SloAutoscaler;
import dev.aiinfra.serving.policy.pd.PdPlan;
import dev.aiinfra.serving.policy.pd.PdPlanner;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A full aggregated + disaggregated search for AIConfigurator's README case (Qwen3-32B-FP8 on H200,
 * ISL 4000 / OSL 500, prefix 500, TTFT 300 ms, TPOT 10 ms) with a 32-GPU and a 512-GPU budget, and
 * the autoscaler replaying a day of 15-second samples.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class PdPlannerBenchmark {
  private PlanRequest gpus32;
  private PlanRequest gpus512;
  private SloAutoscaler autoscaler;
  private List<MetricSample> day;

  @Setup
  public void setUp() {
    PdCatalog catalog = PdCatalog.builtin();
    gpus32 = PlanRequest.builder()
        .model(catalog.model("Qwen/Qwen3-32B-FP8").orElseThrow())
        .gpu(catalog.gpu("h200_sxm").orElseThrow())
        .totalGpus(32)
        .traffic(Traffic.builder().inputTokens(4000).outputTokens(500).prefixTokens(500).build())
        .sla(ServingSla.of(300, 10))
        .build();
    gpus512 = gpus32.withTotalGpus(512);
    autoscaler = new SloAutoscaler(AutoscalerSpec.builder().minReplicas(1).maxReplicas(64).queueDepthPerReplica(8)
        .kvCacheUtilisation(0.8).kvCacheCapacityPerReplica(1000).build());
    SplittableRandom r = new SplittableRandom(42);
    day = new ArrayList<>();
    double load = 50;
    for (int i = 0; i < 24 * 240; i++) {
      load = Math.max(0, load + (r.nextDouble() - 0.5) * 10 + 40 * Math.sin(i * 2 * Math.PI / 5760) / 240);
      day.add(MetricSample.builder().timeSeconds(i * 15.0).queueDepth(load).kvCacheInUse(load * 60).build());
    }
  }

  @Benchmark
  public PdPlan plan32Gpus() {
    return PdPlanner.plan(gpus32);
  }

  @Benchmark
  public PdPlan plan512Gpus() {
    return PdPlanner.plan(gpus512);
  }

  @Benchmark
  public List<ScalingDecision> autoscaleOneDay() {
    return autoscaler.simulate(4, day);
  }
}
