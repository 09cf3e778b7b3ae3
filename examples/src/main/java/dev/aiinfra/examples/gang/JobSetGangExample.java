package dev.aiinfra.examples.gang;

import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.workload.ContainerSpec;
import dev.aiinfra.core.model.workload.PodTemplate;
import dev.aiinfra.core.model.workload.RestartPolicy;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.core.read.ManifestReader;
import dev.aiinfra.core.read.SourcedObject;
import dev.aiinfra.scheduling.model.ExpectedFailure;
import dev.aiinfra.scheduling.model.GangSpec;
import dev.aiinfra.scheduling.model.GangTarget;
import dev.aiinfra.scheduling.model.JobSetSpec;
import dev.aiinfra.scheduling.model.PodGroupSpec;
import dev.aiinfra.scheduling.model.ReplicatedJob;
import dev.aiinfra.scheduling.model.TopologyRequest;
import dev.aiinfra.scheduling.policy.placement.DomainCount;
import dev.aiinfra.scheduling.policy.placement.GangPlacement;
import dev.aiinfra.scheduling.policy.placement.GangResult;
import dev.aiinfra.scheduling.policy.placement.PlacementResult;
import dev.aiinfra.scheduling.policy.restart.RestartAdvice;
import dev.aiinfra.scheduling.policy.restart.RestartAdvisor;
import dev.aiinfra.scheduling.render.GangAttachment;
import dev.aiinfra.scheduling.read.GangInputs;
import dev.aiinfra.scheduling.render.JobSetRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A 256-pod JobSet (32 Jobs × 8 pods, one GPU each) with a native Workload gang that must fit in
 * one rack, checked against the sample cluster in {@code clusters/gpu-cluster.yaml}: where it lands,
 * the in-place restart rules for its expected failures, and the YAML to apply.
 */
public final class JobSetGangExample {
  static final String RACK = "topology.example.com/rack";

  private JobSetGangExample() {}

  public static void main(String[] args) {
    run(System.out);
  }

  static PlacementResult run(PrintStream out) {
    ClusterProfile profile = ClusterProfile.defaults()
        .withFeatureGates("GenericWorkload=true,GangScheduling=true,TopologyAwareWorkloadScheduling=true");
    ContainerSpec trainer = ContainerSpec.builder().name("trainer").image("ghcr.io/example/trainer:2.1")
        .addCommand("torchrun", "--nnodes=32", "--nproc-per-node=8", "train.py")
        .requests(ResourceList.of("cpu", "16", "memory", "128Gi", "nvidia.com/gpu", "1"))
        .limits(ResourceList.of("nvidia.com/gpu", "1"))
        .build();
    RestartAdvice advice = RestartAdvisor.advise(
        List.of(ExpectedFailure.of(ExpectedFailure.Kind.RETRYABLE_EXIT, 42), ExpectedFailure.of(ExpectedFailure.Kind.NODE_LOSS)), profile);
    JobSetSpec jobSet = JobSetSpec.builder().name("llama-train").namespace("ml")
        .addReplicatedJobs(ReplicatedJob.builder().name("workers").replicas(32).parallelism(8)
            .podTemplate(PodTemplate.builder().restartPolicy(RestartPolicy.Never).addContainers(advice.applyTo(trainer)).build()).build())
        .maxRestarts(3)
        .restartStrategy(advice.jobSetRestartStrategy())
        .failureRules(advice.jobSetRules())
        .build();
    GangSpec gang = GangSpec.builder().name("llama-train").namespace("ml")
        .addPodGroups(PodGroupSpec.builder().name("workers").minCount(256).topology(TopologyRequest.required(RACK)).build())
        .build();
    GangAttachment.Attached attached = GangAttachment.attach(JobSetRenderer.render(jobSet, profile).object(), gang, GangTarget.NATIVE, profile);
    ManifestBundle bundle = attached.bundle();

    List<SourcedObject> inputs = new ArrayList<>(ManifestReader.withDefaults().readString("clusters/gpu-cluster.yaml", sampleCluster()));
    inputs.addAll(ManifestReader.withDefaults().readString("llama-train.yaml", bundle.toYaml()));
    GangInputs gangInputs = GangInputs.read(inputs, List.of("topology.example.com/block", RACK, "kubernetes.io/hostname"));
    PlacementResult result = GangPlacement.place(gangInputs.cluster(), gangInputs.gangs(), gangInputs.options());

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
    attached.diagnostics().forEach(d -> out.println("note: " + d.code() + ": " + d.message()));
    out.println();
    out.print(bundle.toYaml());
    return result;
  }

  static String sampleCluster() {
    try (InputStream in = JobSetGangExample.class.getResourceAsStream("/clusters/gpu-cluster.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
