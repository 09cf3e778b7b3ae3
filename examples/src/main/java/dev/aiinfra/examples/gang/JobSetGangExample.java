package dev.aiinfra.examples.gang;

import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.workload.ContainerSpec;
import dev.aiinfra.core.model.workload.PodTemplate;
import dev.aiinfra.core.model.workload.RestartPolicy;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.scheduling.model.ExpectedFailure;
import dev.aiinfra.scheduling.model.GangSpec;
import dev.aiinfra.scheduling.model.GangTarget;
import dev.aiinfra.scheduling.model.JobSetSpec;
import dev.aiinfra.scheduling.model.PodGroupSpec;
import dev.aiinfra.scheduling.model.ReplicatedJob;
import dev.aiinfra.scheduling.model.Topology;
import dev.aiinfra.scheduling.model.TopologyRequest;
import dev.aiinfra.scheduling.policy.placement.DomainCount;
import dev.aiinfra.scheduling.policy.placement.GangResult;
import dev.aiinfra.scheduling.policy.placement.PlacementOptions;
import dev.aiinfra.scheduling.policy.placement.PlacementResult;
import dev.aiinfra.scheduling.policy.restart.RestartAdvice;
import dev.aiinfra.scheduling.policy.restart.RestartAdvisor;
import dev.aiinfra.scheduling.read.GangPlacementInput;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A 256-pod JobSet (32 Jobs × 8 pods, one GPU each) with a gang that must fit in one rack, checked
 * against the sample cluster in {@code clusters/gpu-cluster.yaml}: where it lands, the in-place
 * restart rules for its expected failures, and the YAML to apply. The placement is computed
 * straight from the typed specs ({@link GangPlacementInput}): nothing is written as YAML and read
 * back. {@code ai-infra render gang-jobset-native|kueue|volcano} prints {@link #manifests}.
 */
public final class JobSetGangExample {
  /** The rack label of the sample cluster. */
  public static final String RACK = "topology.example.com/rack";
  /** The sample cluster's topology levels, outermost first. */
  public static final Topology LEVELS = Topology.of("default", List.of("topology.example.com/block", RACK, Topology.HOSTNAME));
  /** Kubernetes' default version with the Workload API and its topology gates on. */
  public static final ClusterProfile PROFILE = ClusterProfile.defaults()
      .withFeatureGates("GenericWorkload=true,GangScheduling=true,TopologyAwareWorkloadScheduling=true");

  private JobSetGangExample() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** In-place restart for exit code 42, recreate on node loss. */
  public static RestartAdvice restartAdvice() {
    return RestartAdvisor.advise(
        List.of(ExpectedFailure.of(ExpectedFailure.Kind.RETRYABLE_EXIT, 42), ExpectedFailure.of(ExpectedFailure.Kind.NODE_LOSS)), PROFILE);
  }

  /** The trainer JobSet: 32 replicas of an 8-pod Indexed Job, one GPU per pod, with the restart advice applied. */
  public static JobSetSpec jobSet() {
    RestartAdvice advice = restartAdvice();
    ContainerSpec trainer = ContainerSpec.builder().name("trainer").image("ghcr.io/example/trainer:2.1")
        .addCommand("torchrun", "--nnodes=32", "--nproc-per-node=8", "train.py")
        .requests(ResourceList.of("cpu", "16", "memory", "128Gi", "nvidia.com/gpu", "1"))
        .limits(ResourceList.of("nvidia.com/gpu", "1"))
        .build();
    return JobSetSpec.builder().name("llama-train").namespace("ml")
        .addReplicatedJobs(ReplicatedJob.builder().name("workers").replicas(32).parallelism(8)
            .podTemplate(PodTemplate.builder().restartPolicy(RestartPolicy.Never).addContainers(advice.applyTo(trainer)).build()).build())
        .maxRestarts(3)
        .restartStrategy(advice.jobSetRestartStrategy())
        .failureRules(advice.jobSetRules())
        .build();
  }

  /** All 256 pods or none, in one rack; the Kueue queue and Volcano queue for those targets. */
  public static GangSpec gang() {
    return GangSpec.builder().name("llama-train").namespace("ml").queueName("gpu").volcanoQueue("training")
        .addPodGroups(PodGroupSpec.builder().name("workers").minCount(256).topology(TopologyRequest.required(RACK)).build())
        .build();
  }

  /** The gang wired into the JobSet for {@code target}, and the gangs to place: no YAML in between. */
  public static GangPlacementInput input(GangTarget target) {
    return GangPlacementInput.of(jobSet(), gang(), target, PROFILE);
  }

  /** What to apply for {@code target}: the gang objects, then the JobSet. */
  public static ManifestBundle manifests(GangTarget target) {
    return input(target).attached().bundle();
  }

  /** The native gang placed on the sample cluster. */
  public static PlacementResult place() {
    return input(GangTarget.NATIVE).placeOn(SampleCluster.read(), PlacementOptions.builder().topology(LEVELS).build());
  }

  /** Each gang's verdict and the racks it lands in. */
  public static List<String> findings() {
    List<String> out = new ArrayList<>();
    for (GangResult g : place().gangs()) {
      out.add(String.format("gang %s/%s: %d of minCount %d placed, fits: %s", g.namespace(), g.name(), g.placed(), g.minCount(), g.fits()));
      g.podSets().forEach(ps -> ps.topologyAssignment().ifPresent(a ->
          out.add("  racks: " + a.domains().stream().map(d -> d.values().get(0)).distinct().toList())));
      g.reasons().forEach(r -> out.add("  why not: " + r.message()));
    }
    return out;
  }

  static PlacementResult run(PrintStream out) {
    RestartAdvice advice = restartAdvice();
    GangPlacementInput input = input(GangTarget.NATIVE);
    PlacementResult result = input.placeOn(SampleCluster.read(), PlacementOptions.builder().topology(LEVELS).build());

    for (GangResult g : result.gangs()) {
      out.printf("gang %s/%s (%s): minCount %d, placed %d, fits: %s%n", g.namespace(), g.name(), g.kind(), g.minCount(), g.placed(), g.fits());
      g.podSets().forEach(ps -> ps.topologyAssignment().ifPresent(a -> {
        a.domains().stream().map(d -> d.values().get(0)).distinct().forEach(domain ->
            out.printf("  %s: %d pods on %d nodes%n", domain,
                a.domains().stream().filter(d -> d.values().get(0).equals(domain)).mapToInt(DomainCount::count).sum(),
                a.domains().stream().filter(d -> d.values().get(0).equals(domain)).count()));
        out.printf("  first pods: %s%n", ps.placements().subList(0, 3));
      }));
      g.reasons().forEach(r -> out.println("  why not: " + r.message()));
    }
    out.println("restart advice: " + advice.strategy() + " " + advice.rules());
    advice.explanation().forEach(d -> out.println("  " + d.message()));
    input.attached().diagnostics().forEach(d -> out.println("note: " + d.code() + ": " + d.message()));
    out.println();
    out.print(input.attached().bundle().toYaml());
    return result;
  }
}
