package dev.aiinfra.cli.manifest;

import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.workload.ContainerSpec;
import dev.aiinfra.core.model.workload.PodTemplate;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.sandbox.model.agent.SandboxClaimSpec;
import dev.aiinfra.sandbox.model.agent.SandboxTemplateSpec;
import dev.aiinfra.sandbox.model.agent.SandboxWarmPoolSpec;
import dev.aiinfra.sandbox.model.hardening.EgressAllowList;
import dev.aiinfra.sandbox.model.hardening.EgressRule;
import dev.aiinfra.sandbox.model.hardening.Hardening;
import dev.aiinfra.sandbox.model.runtime.WorkloadNeeds;
import dev.aiinfra.sandbox.policy.runtime.RuntimePolicy;
import dev.aiinfra.sandbox.policy.runtime.SandboxRuntime;
import dev.aiinfra.sandbox.policy.warmpool.WarmPoolSizing;
import dev.aiinfra.sandbox.render.agent.AgentSandboxRenderer;
import dev.aiinfra.sandbox.render.runtime.RuntimeClassRenderer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent-sandbox example: a hardened GPU SandboxTemplate under the runtime the policy picks, its
 * RuntimeClass, a warm pool sized for 50 claims/s with a 20 s cold start and 1 % waiting, and a claim.
 */
final class SandboxScenario {
  private SandboxScenario() {}

  static ManifestBundle gpuAgent() {
    SandboxRuntime runtime = RuntimePolicy.choose(WorkloadNeeds.builder().gpus(1).build()).runtime().orElseThrow();
    int pool = WarmPoolSizing.size(50, 2, 20, 0.01).poolSize();
    ResourceList gpu = ResourceList.of("cpu", "4", "memory", "16Gi", "nvidia.com/gpu", "1");
    SandboxTemplateSpec template = SandboxTemplateSpec.builder().name("code-agent").namespace("agents")
        .pod(PodTemplate.builder().putLabel("app", "code-agent")
            .addContainer(ContainerSpec.builder().name("agent").image("ghcr.io/example/code-agent:2.3").requests(gpu).limits(gpu).build()).build())
        .runtimeClassName(runtime.runtimeClassName()).hardening(Hardening.builder().runAsUser(65532L).build())
        .egress(EgressAllowList.builder().addAllow(EgressRule.publicInternet(EgressRule.Port.tcp(443))).build())
        .build();
    List<HasMetadata> objects = new ArrayList<>();
    objects.add(RuntimeClassRenderer.render(runtime.runtimeClass()));
    objects.addAll(AgentSandboxRenderer.template(template, ClusterProfile.defaults()).manifests().objects());
    objects.add(AgentSandboxRenderer.warmPool(SandboxWarmPoolSpec.builder().name("code-agent").namespace("agents").templateName("code-agent")
        .replicas(pool).build()));
    objects.add(AgentSandboxRenderer.claim(SandboxClaimSpec.builder().name("session-0001").namespace("agents").warmPoolName("code-agent")
        .ttlSecondsAfterFinished(600).build()));
    return ManifestBundle.of(objects);
  }
}
