package dev.aiinfra.benchmarks.scheduling;

import dev.aiinfra.core.model.index.LabelSelector;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.scheduling.model.ClusterNode;
import dev.aiinfra.scheduling.model.ClusterState;
import dev.aiinfra.scheduling.model.Gang;
import dev.aiinfra.scheduling.model.GangKind;
import dev.aiinfra.scheduling.model.PodSet;
import dev.aiinfra.scheduling.model.Topology;
import dev.aiinfra.scheduling.model.TopologyRequest;
import dev.aiinfra.scheduling.model.kueue.ClusterQueue;
import dev.aiinfra.scheduling.model.kueue.FlavorQuotas;
import dev.aiinfra.scheduling.model.kueue.KueueObjects;
import dev.aiinfra.scheduling.model.kueue.LocalQueue;
import dev.aiinfra.scheduling.model.kueue.ResourceFlavor;
import dev.aiinfra.scheduling.model.kueue.ResourceGroup;
import dev.aiinfra.scheduling.model.kueue.ResourceQuota;
import dev.aiinfra.scheduling.policy.placement.GangPlacement;
import dev.aiinfra.scheduling.policy.placement.PlacementOptions;
import dev.aiinfra.scheduling.policy.placement.PlacementResult;
import dev.aiinfra.scheduling.policy.placement.PlacementSnapshot;
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
 * Kueue admission at scale: 1,000 gangs of 64 one-GPU pods (half rack-, half subblock-required)
 * submitted through one LocalQueue to a ClusterQueue with a TAS flavor, on 5,000 nodes in four levels
 * (8 GPUs each, 40,000 GPUs). The queue's GPU quota is {@code gpuQuota}: with 32,000 GPUs quota binds
 * before the nodes do (500 gangs admitted, then "insufficient unused quota"); with 64,000 the nodes bind.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class KueueAdmissionBenchmark {
  static final String FLAVOR_LABEL = "nvidia.com/gpu.product";

  @Param({"32000", "64000"})
  public int gpuQuota;

  private ClusterState cluster;
  private List<Gang> gangs;
  private PlacementOptions options;
  private PlacementSnapshot snapshot;

  @Setup
  public void setUp() {
    List<ClusterNode> nodes = new ArrayList<>();
    for (ClusterNode n : GangPlacementBenchmark.cluster(5_000).nodes()) {
      nodes.add(ClusterNode.builder().from(n).putLabel(FLAVOR_LABEL, "H100").build());
    }
    cluster = ClusterState.of(nodes);
    Topology topology = GangPlacementBenchmark.TOPOLOGY;
    ClusterQueue cq = ClusterQueue.builder().name("gpu").namespaceSelector(LabelSelector.builder().build())
        .addResourceGroups(ResourceGroup.of(List.of("cpu", "nvidia.com/gpu"), List.of(FlavorQuotas.of("h100",
            List.of(ResourceQuota.of("cpu", "1000000"), ResourceQuota.of("nvidia.com/gpu", Integer.toString(gpuQuota)))))))
        .build();
    KueueObjects kueue = KueueObjects.builder().addTopologies(topology)
        .addResourceFlavors(ResourceFlavor.builder().name("h100").putNodeLabel(FLAVOR_LABEL, "H100").topologyName(topology.name()).build())
        .addClusterQueues(cq).addLocalQueues(LocalQueue.of("default", "training", "gpu")).build();
    options = PlacementOptions.builder().topology(topology).kueue(kueue).build();
    gangs = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      gangs.add(Gang.builder().name("g" + i).kind(GangKind.KUEUE).queueName("training")
          .addPodSets(PodSet.builder().name("workers").count(64).requests(ResourceList.of("cpu", "16", "nvidia.com/gpu", "1"))
              .topology(TopologyRequest.required(i % 2 == 0 ? GangPlacementBenchmark.RACK : GangPlacementBenchmark.SUBBLOCK)).build())
          .build());
    }
    snapshot = PlacementSnapshot.of(cluster, options);
  }

  /** One {@code GangPlacement.place} call: snapshot build, then 1,000 admissions in order. */
  @Benchmark
  public PlacementResult thousandGangsOf64ThroughAClusterQueueOn5000Nodes() {
    return GangPlacement.place(cluster, gangs, options);
  }

  /** The 1,000 admissions on a snapshot built beforehand. */
  @Benchmark
  public PlacementResult thousandGangsOf64OnSnapshot() {
    return snapshot.place(gangs);
  }
}
