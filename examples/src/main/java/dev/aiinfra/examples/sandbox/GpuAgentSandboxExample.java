package dev.aiinfra.examples.sandbox;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.profile.KubernetesVersion;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.workload.ContainerSpec;
import dev.aiinfra.core.model.workload.PodTemplate;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.sandbox.model.agent.SandboxClaimSpec;
import dev.aiinfra.sandbox.model.agent.SandboxTemplateSpec;
import dev.aiinfra.sandbox.model.agent.SandboxWarmPoolSpec;
import dev.aiinfra.sandbox.model.cgroup.CgroupSettings;
import dev.aiinfra.sandbox.model.hardening.EgressAllowList;
import dev.aiinfra.sandbox.model.hardening.EgressRule;
import dev.aiinfra.sandbox.model.hardening.Hardening;
import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import dev.aiinfra.sandbox.model.pss.PodSecurityVersion;
import dev.aiinfra.sandbox.model.runtime.WorkloadNeeds;
import dev.aiinfra.sandbox.policy.cgroup.CgroupPod;
import dev.aiinfra.sandbox.policy.cgroup.ContainerCgroup;
import dev.aiinfra.sandbox.policy.cgroup.PodCgroup;
import dev.aiinfra.sandbox.policy.cgroup.PodCgroups;
import dev.aiinfra.sandbox.policy.pss.PodSecurityViolation;
import dev.aiinfra.sandbox.policy.runtime.RuntimeChoice;
import dev.aiinfra.sandbox.policy.runtime.RuntimePolicy;
import dev.aiinfra.sandbox.policy.runtime.SandboxRuntime;
import dev.aiinfra.sandbox.policy.warmpool.WarmPoolSizing;
import dev.aiinfra.sandbox.render.agent.AgentSandboxRenderer;
import dev.aiinfra.sandbox.render.agent.RenderedSandbox;
import dev.aiinfra.sandbox.render.pss.ObjectReview;
import dev.aiinfra.sandbox.render.pss.PodSecurityReviews;
import dev.aiinfra.sandbox.render.runtime.RuntimeClassRenderer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A code-execution agent that needs one GPU: the runtime policy picks Kata's NVIDIA GPU class, a warm
 * pool is sized so that at 50 claims/s (bursts of 2) and a 20 s cold start at most 1 % of claims wait,
 * and the hardened SandboxTemplate, its RuntimeClass, the SandboxWarmPool and a SandboxClaim are
 * printed with the template's Pod Security verdict and the cgroup values its pod gets.
 */
public final class GpuAgentSandboxExample {
  static final double CLAIMS_PER_SECOND = 50;
  static final double MEAN_BURST = 2;
  static final double COLD_START_SECONDS = 20;
  static final double TARGET_WAIT = 0.01;
  /** Kubernetes 1.36, the version the template and its Pod Security review target. */
  public static final ClusterProfile PROFILE = ClusterProfile.of(KubernetesVersion.parse("1.36"));

  private GpuAgentSandboxExample() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** What the example decided, for tests. */
  record Outcome(SandboxRuntime runtime, int poolSize, ObjectReview review, PodCgroup cgroups, ManifestBundle manifests) {}

  /** The runtime the policy picks for an agent with one GPU. */
  public static RuntimeChoice runtimeChoice() {
    return RuntimePolicy.choose(WorkloadNeeds.builder().gpus(1).build());
  }

  /** The smallest warm pool that keeps waiting claims under the target. */
  public static WarmPoolSizing.Result pool() {
    return WarmPoolSizing.size(CLAIMS_PER_SECOND, MEAN_BURST, COLD_START_SECONDS, TARGET_WAIT);
  }

  /** The hardened SandboxTemplate under {@code runtime}: non-root, egress to HTTPS only. */
  public static SandboxTemplateSpec template(SandboxRuntime runtime) {
    ResourceList gpu = ResourceList.of("cpu", "4", "memory", "16Gi", "nvidia.com/gpu", "1");
    PodTemplate pod = PodTemplate.builder().putLabel("app", "code-agent")
        .addContainer(ContainerSpec.builder().name("agent").image("ghcr.io/example/code-agent:2.3").addArgs("--listen=:8888")
            .requests(gpu).limits(gpu).build())
        .build();
    return SandboxTemplateSpec.builder().name("code-agent").namespace("agents").pod(pod)
        .runtimeClassName(runtime.runtimeClassName())
        .hardening(Hardening.builder().runAsUser(65532L).build())
        .egress(EgressAllowList.builder()
            .addAllow(EgressRule.publicInternet(EgressRule.Port.tcp(443)))
            .build())
        .build();
  }

  /** What {@code ai-infra render agent-sandbox-gpu} prints: the RuntimeClass, the template, the warm pool and a claim. */
  public static ManifestBundle manifests() {
    SandboxRuntime runtime = runtimeChoice().runtime().orElseThrow();
    return manifests(runtime, AgentSandboxRenderer.template(template(runtime), PROFILE), pool().poolSize());
  }

  private static ManifestBundle manifests(SandboxRuntime runtime, RenderedSandbox rendered, int poolSize) {
    List<HasMetadata> objects = new ArrayList<>();
    objects.add(RuntimeClassRenderer.render(runtime.runtimeClass()));
    objects.addAll(rendered.manifests().objects());
    objects.add(AgentSandboxRenderer.warmPool(SandboxWarmPoolSpec.builder().name("code-agent").namespace("agents").templateName("code-agent")
        .replicas(poolSize).build()));
    objects.add(AgentSandboxRenderer.claim(SandboxClaimSpec.builder().name("session-0001").namespace("agents").warmPoolName("code-agent")
        .ttlSecondsAfterFinished(600).shutdownPolicy(SandboxClaimSpec.ShutdownPolicy.Delete).build()));
    return ManifestBundle.of(objects);
  }

  /** The runtime, the pool size and the template's Pod Security verdicts. */
  public static List<String> findings() {
    SandboxRuntime runtime = runtimeChoice().runtime().orElseThrow();
    WarmPoolSizing.Result pool = pool();
    RenderedSandbox rendered = AgentSandboxRenderer.template(template(runtime), PROFILE);
    ObjectReview review = PodSecurityReviews.review(sandboxTemplate(rendered), PodSecurityVersion.latest());
    List<String> out = new ArrayList<>();
    out.add("runtime: " + runtime.runtimeClassName());
    out.add(String.format(Locale.ROOT, "warm pool: %d sandboxes (P(wait) %.4f)", pool.poolSize(), pool.waitProbability()));
    for (PodSecurityLevel level : List.of(PodSecurityLevel.BASELINE, PodSecurityLevel.RESTRICTED)) {
      out.add("pod security " + level.label() + ":latest: " + (review.allowed(level) ? "allowed" : "denied"));
    }
    return out;
  }

  private static HasMetadata sandboxTemplate(RenderedSandbox rendered) {
    return rendered.manifests().objects().stream().filter(o -> o.getKind().equals("SandboxTemplate")).findFirst().orElseThrow();
  }

  static Outcome run(PrintStream out) {
    ClusterProfile profile = PROFILE;

    RuntimeChoice choice = runtimeChoice();
    SandboxRuntime runtime = choice.runtime().orElseThrow();
    out.println("# runtime: " + runtime.runtimeClassName());
    choice.reasons().forEach(d -> out.println("  " + d.code() + ": " + d.message()));

    WarmPoolSizing.Result pool = pool();
    out.printf(Locale.ROOT, "# warm pool: %d sandboxes (P(wait) %.4f; with one less %.4f)%n", pool.poolSize(), pool.waitProbability(),
        pool.waitProbabilityWithOneLess());
    out.println("  " + pool.explanation());

    SandboxTemplateSpec template = template(runtime);
    RenderedSandbox rendered = AgentSandboxRenderer.template(template, profile);
    ManifestBundle manifests = manifests(runtime, rendered, pool.poolSize());
    out.println();
    out.print(manifests.toYaml());
    out.println();
    for (Diagnostic d : rendered.diagnostics()) {
      out.println("# " + d.code() + ": " + d.message());
    }

    ObjectReview review = PodSecurityReviews.review(sandboxTemplate(rendered), PodSecurityVersion.latest());
    for (PodSecurityLevel level : List.of(PodSecurityLevel.BASELINE, PodSecurityLevel.RESTRICTED)) {
      out.println("# pod security " + level.label() + ":latest: " + (review.allowed(level) ? "allowed" : "denied"));
      for (PodSecurityViolation v : review.violations(level)) {
        out.println("  " + v.check() + ": " + v.message());
      }
    }

    CgroupSettings settings = CgroupSettings.builder().kubernetesMinor(36).runtime("runc:1.3.2").build();
    PodCgroup cgroups = PodCgroups.compute(new CgroupPod(List.of(), template.pod().containers(), runtime.runtimeClass().overhead()), settings);
    out.printf(Locale.ROOT, "# cgroups (%s QoS, RuntimeClass overhead %s): pod cpu.weight %d, cpu.max %s, memory.max %s%n", cgroups.qos(),
        runtime.runtimeClass().overhead(), cgroups.podCpuWeight(), cgroups.podCpuMax().orElse("max"), cgroups.podMemoryMax().map(String::valueOf).orElse("max"));
    for (ContainerCgroup c : cgroups.containers()) {
      out.printf(Locale.ROOT, "  %s: cpu.weight %d, cpu.max %s, memory.max %s, memory.oom.group %s%n", c.name(), c.cpuWeight(),
          c.cpuMax().orElse("max"), c.memoryMax(), c.memoryOomGroup().orElse(0L));
    }
    return new Outcome(runtime, pool.poolSize(), review, cgroups, manifests);
  }

}
