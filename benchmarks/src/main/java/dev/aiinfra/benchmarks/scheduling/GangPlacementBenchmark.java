package dev.aiinfra.benchmarks.scheduling;

import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.scheduling.model.ClusterNode;
import dev.aiinfra.scheduling.model.ClusterState;
import dev.aiinfra.scheduling.model.Gang;
import dev.aiinfra.scheduling.model.GangKind;
import dev.aiinfra.scheduling.model.PodSet;
import dev.aiinfra.scheduling.model.Topology;
import dev.aiinfra.scheduling.model.TopologyRequest;
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
 * Snapshot build plus one gang placement (Kueue TAS) on {@code nodes} nodes in four levels
 * (block → subblock → rack → host, 16 hosts per rack, 8 GPUs per host), for a gang of {@code pods}
 * one-GPU pods with a required level; and 1,000 gangs of 64 pods on 5,000 nodes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx8g"})
public class GangPlacementBenchmark {
  static final String BLOCK = "topology.example.com/block";
  static final String SUBBLOCK = "topology.example.com/subblock";
  static final String RACK = "topology.example.com/rack";
  static final Topology TOPOLOGY = Topology.of("gpu", List.of(BLOCK, SUBBLOCK, RACK, Topology.HOSTNAME));

  @Param({"65536"})
  public int nodes;

  @Param({"4096:block", "4096:rack", "50000:block"})
  public String gang;

  private ClusterState cluster;
  private List<Gang> gangs;
  private PlacementSnapshot snapshot;
  private ClusterState small;
  private List<Gang> manyGangs;
  private final PlacementOptions options = PlacementOptions.builder().topology(TOPOLOGY).build();

  static ClusterState cluster(int count) {
    List<ClusterNode> list = new ArrayList<>(count);
    ResourceList alloc = ResourceList.of("cpu", "192", "memory", "2Ti", "nvidia.com/gpu", "8", "pods", "110");
    for (int i = 0; i < count; i++) {
      int rack = i / 16;
      int subblock = rack / 16;
      int block = subblock / 8;
      String name = "node-" + i;
      list.add(ClusterNode.builder().name(name)
          .putLabel(BLOCK, "b" + block).putLabel(SUBBLOCK, "sb" + subblock).putLabel(RACK, "r" + rack).putLabel(Topology.HOSTNAME, name)
          .allocatable(alloc).build());
    }
    return ClusterState.of(list);
  }

  static Gang gang(String name, int pods, String level) {
    return Gang.builder().name(name).kind(GangKind.KUEUE)
        .addPodSets(PodSet.builder().name("workers").count(pods).requests(ResourceList.of("cpu", "16", "nvidia.com/gpu", "1"))
            .topology(TopologyRequest.required(level)).build())
        .build();
  }

  @Setup
  public void setUp() {
    cluster = cluster(nodes);
    String[] g = gang.split(":");
    gangs = List.of(gang("g", Integer.parseInt(g[0]), g[1].equals("block") ? BLOCK : RACK));
    snapshot = PlacementSnapshot.of(cluster, options);
    small = cluster(5_000);
    manyGangs = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      manyGangs.add(gang("g" + i, 64, i % 2 == 0 ? RACK : SUBBLOCK));
    }
  }

  /** Snapshot build and one placement, as one {@code GangPlacement.place} call. */
  @Benchmark
  public PlacementResult snapshotAndOneGang() {
    return GangPlacement.place(cluster, gangs, options);
  }

  /** One placement on a snapshot built beforehand. */
  @Benchmark
  public PlacementResult oneGangOnSnapshot() {
    return snapshot.place(gangs);
  }

  /** The snapshot alone. */
  @Benchmark
  public PlacementSnapshot snapshotBuild() {
    return PlacementSnapshot.of(cluster, options);
  }

  @Benchmark
  public PlacementResult thousandGangsOf64On5000Nodes() {
    return GangPlacement.place(small, manyGangs, options);
  }
}
