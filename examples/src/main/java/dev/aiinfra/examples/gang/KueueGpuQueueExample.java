package dev.aiinfra.examples.gang;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.inventory.Cluster;
import dev.aiinfra.core.read.ClusterModelReader;
import dev.aiinfra.core.read.ManifestReader;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.scheduling.model.GangTarget;
import dev.aiinfra.scheduling.model.kueue.ClusterQueue;
import dev.aiinfra.scheduling.model.kueue.FlavorQuotas;
import dev.aiinfra.scheduling.model.kueue.KueueObjects;
import dev.aiinfra.scheduling.model.kueue.ResourceGroup;
import dev.aiinfra.scheduling.model.kueue.ResourceQuota;
import dev.aiinfra.scheduling.model.kueue.QueueRecipeOptions;
import dev.aiinfra.scheduling.policy.kueue.GpuQueueRecipe;
import dev.aiinfra.scheduling.policy.kueue.QueueRecipe;
import dev.aiinfra.scheduling.policy.placement.GangResult;
import dev.aiinfra.scheduling.policy.placement.PlacementOptions;
import dev.aiinfra.scheduling.policy.placement.PlacementResult;
import dev.aiinfra.scheduling.policy.placement.QuotaUsage;
import dev.aiinfra.scheduling.read.GangPlacementInput;
import dev.aiinfra.scheduling.render.KueueRenderer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A Kueue GPU queue with topology-aware scheduling for the sample cluster, and a JobSet admitted
 * into it: {@link GpuQueueRecipe} derives the ResourceFlavor (by the GPU product label), the Topology
 * (block, rack, host), the ClusterQueue with quotas from the nodes' allocatable and the LocalQueue;
 * the queue's GPU quota is cut to a team's share; the 256-pod JobSet of {@link JobSetGangExample},
 * queued to that LocalQueue with a required rack, is then admitted as Kueue would: flavor, quota, then
 * one rack. A second copy of the JobSet fits the nodes but not the quota left, and is refused. {@code ai-infra render kueue-gpu-queue} prints {@link #manifests}.
 */
public final class KueueGpuQueueExample {
  private KueueGpuQueueExample() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** The queue set for the sample cluster: LocalQueue {@code gpu} in namespace {@code ml}. */
  public static QueueRecipe recipe() {
    Cluster cluster = ClusterModelReader.read(ManifestReader.withDefaults().readString(SampleCluster.RESOURCE.substring(1), SampleCluster.yaml()));
    return GpuQueueRecipe.derive(cluster, QueueRecipeOptions.builder().namespace("ml")
        .topologyLevels(JobSetGangExample.LEVELS.levels()).build());
  }

  /** The team's share of the cluster's 1,024 GPUs. */
  public static final String TEAM_GPUS = "384";

  /**
   * The recipe's queue set with the ClusterQueue's GPU quota cut to the team's share ({@link #TEAM_GPUS}):
   * the recipe gives a queue the whole cluster; a shared cluster gives each team part of it.
   */
  public static KueueObjects queues() {
    KueueObjects objects = recipe().objects();
    List<ClusterQueue> queues = new ArrayList<>();
    for (ClusterQueue q : objects.clusterQueues()) {
      List<ResourceGroup> groups = new ArrayList<>();
      for (ResourceGroup g : q.resourceGroups()) {
        List<FlavorQuotas> flavors = g.flavors().stream().map(f -> FlavorQuotas.of(f.name(), f.resources().stream()
            .map(r -> r.name().equals("nvidia.com/gpu") ? ResourceQuota.builder().from(r).nominalQuota(Quantity.parse(TEAM_GPUS)).build() : r)
            .toList())).toList();
        groups.add(ResourceGroup.of(g.coveredResources(), flavors));
      }
      queues.add(ClusterQueue.builder().from(q).resourceGroups(groups).build());
    }
    return KueueObjects.builder().from(objects).clusterQueues(queues).build();
  }

  /** What to apply: the queue set, then the Kueue-queued JobSet. */
  public static ManifestBundle manifests() {
    List<io.fabric8.kubernetes.api.model.HasMetadata> all = new ArrayList<>(KueueRenderer.bundle(queues()).objects());
    all.addAll(JobSetGangExample.manifests(GangTarget.KUEUE).objects());
    return ManifestBundle.of(all);
  }

  /** The JobSet twice through the queue: the first is admitted, the second finds the quota taken. */
  public static PlacementResult admit() {
    GangPlacementInput input = JobSetGangExample.input(GangTarget.KUEUE);
    PlacementOptions options = PlacementOptions.builder().topology(JobSetGangExample.LEVELS).kueue(queues()).build();
    List<dev.aiinfra.scheduling.model.Gang> twice = new ArrayList<>(input.gangs());
    input.gangs().forEach(g -> twice.add(dev.aiinfra.scheduling.model.Gang.builder().from(g).name(g.name() + "-again").build()));
    return dev.aiinfra.scheduling.policy.placement.GangPlacement.place(SampleCluster.read(), twice, options);
  }

  /** Each gang's admission: queue, flavor, GPU quota and racks, or Kueue's reason. */
  public static List<String> findings() {
    List<String> out = new ArrayList<>();
    for (GangResult g : admit().gangs()) {
      out.add(String.format("gang %s/%s: admitted: %s", g.namespace(), g.name(), g.fits()));
      g.admission().ifPresent(a -> {
        a.flavors().stream().map(f -> f.flavor()).distinct().forEach(f -> out.add("  ClusterQueue " + a.clusterQueue() + ", flavor " + f));
        a.quota().stream().filter(q -> q.resource().equals("nvidia.com/gpu"))
            .forEach(q -> out.add("  GPUs: requested " + q.requested() + ", used " + q.used() + " of " + q.nominal()));
      });
      g.podSets().forEach(ps -> ps.topologyAssignment().ifPresent(t ->
          out.add("  racks: " + t.domains().stream().map(d -> d.values().get(1)).distinct().toList())));
      g.reasons().forEach(r -> out.add("  why not: " + r.code() + ": " + r.message()));
    }
    return out;
  }

  static PlacementResult run(PrintStream out) {
    QueueRecipe recipe = recipe();
    out.println("queue set derived from " + recipe.flavors().size() + " GPU flavor(s), topology " + recipe.topologyLevels()
        + " (" + recipe.topologySource() + ")");
    for (Diagnostic d : recipe.diagnostics()) {
      out.println("  " + d.severity() + " " + d.code() + ": " + d.message());
    }
    PlacementResult result = admit();
    for (GangResult g : result.gangs()) {
      out.printf("gang %s/%s: admitted %s%n", g.namespace(), g.name(), g.fits());
      g.admission().ifPresent(a -> {
        for (QuotaUsage q : a.quota()) {
          out.printf("  %s %s/%s: requested %s, used %s of %s%n", a.clusterQueue(), q.flavor(), q.resource(), q.requested(), q.used(), q.nominal());
        }
      });
      g.podSets().forEach(ps -> ps.topologyAssignment().ifPresent(t ->
          out.println("  racks: " + t.domains().stream().map(d -> d.values().get(1)).distinct().toList())));
      g.reasons().forEach(r -> out.println("  why not: " + r.code() + ": " + r.message()));
    }
    out.println();
    out.print(manifests().toYaml());
    return result;
  }
}
