package dev.aiinfra.benchmarks.dra;

import dev.aiinfra.dra.policy.AllocatorFeatures;
import dev.aiinfra.dra.policy.DeviceAllocator;
import dev.aiinfra.dra.policy.DraCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * kube-scheduler's scheduler_perf {@code SchedulingWithResourceClaimTemplate/5000pods_500nodes}
 * shape, offline: 500 nodes, each with one ResourceSlice of 10 {@code test-driver.cdi.k8s.io}
 * devices, and 5,000 pods with one claim for one device of {@code test-class}, scheduled in turn
 * into an empty cluster until it is full. Each pod is filtered like kube-scheduler does: from a
 * rotating start node until 230 nodes are feasible (its numFeasibleNodesToFind for 500 nodes) or
 * all were tried; the first feasible node gets the pod. One operation schedules all 5,000 pods;
 * pods/s = 5,000 / (seconds per operation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 6)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class DraSchedulerPerfBenchmark {
  /** With per-request explanations on every "no" (the SDK default) or one constant reason, as kube-scheduler's Filter gives. */
  @Param({"true", "false"})
  public boolean explain;

  private DraCluster cluster;
  private List<String> nodes;

  @Setup
  public void setUp() {
    cluster = DraAllocatorBenchmark.schedulerPerfCluster(500, 10);
    nodes = new ArrayList<>(cluster.nodeNames());
  }

  @Benchmark
  public int schedule5000PodsOn500Nodes() {
    DeviceAllocator allocator = DeviceAllocator.of(cluster, AllocatorFeatures.all());
    return DraAllocatorBenchmark.schedule(explain ? allocator : allocator.withoutExplanations(), nodes, 5000);
  }
}
