package dev.aiinfra.benchmarks.sandbox;

import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.workload.ContainerSpec;
import dev.aiinfra.sandbox.model.cgroup.CgroupSettings;
import dev.aiinfra.sandbox.policy.cgroup.PodCgroup;
import dev.aiinfra.sandbox.policy.cgroup.PodCgroups;
import dev.aiinfra.sandbox.policy.warmpool.WarmPoolSizing;
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

/** cgroup v2 values for 10,000 pods of one to four containers, and warm-pool sizing for 50 claims/s. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class CgroupBenchmark {
  private List<List<ContainerSpec>> pods;
  private CgroupSettings settings;

  @Setup
  public void setUp() {
    SplittableRandom r = new SplittableRandom(7);
    pods = new ArrayList<>();
    for (int p = 0; p < 10_000; p++) {
      List<ContainerSpec> pod = new ArrayList<>();
      int n = 1 + r.nextInt(4);
      for (int c = 0; c < n; c++) {
        long cpu = 1 + r.nextInt(4000);
        long mem = (1 + r.nextInt(64)) * 64L << 20;
        ResourceList req = ResourceList.empty().with("cpu", Quantity.ofMillis(cpu)).with("memory", Quantity.ofBytes(mem));
        ResourceList lim = r.nextBoolean() ? req : ResourceList.empty().with("cpu", Quantity.ofMillis(cpu * 2)).with("memory", Quantity.ofBytes(mem * 2));
        pod.add(ContainerSpec.builder().name("c" + c).image("app:1").requests(req).limits(lim).build());
      }
      pods.add(pod);
    }
    settings = CgroupSettings.builder().kubernetesMinor(35).memoryQos(true).build();
  }

  @Benchmark
  public List<PodCgroup> cgroupValuesFor10000Pods() {
    List<PodCgroup> out = new ArrayList<>(pods.size());
    for (List<ContainerSpec> pod : pods) {
      out.add(PodCgroups.compute(pod, settings));
    }
    return out;
  }

  @Benchmark
  public WarmPoolSizing.Result warmPoolFor50ClaimsPerSecond() {
    return WarmPoolSizing.size(50, 2, 30, 0.01);
  }
}
