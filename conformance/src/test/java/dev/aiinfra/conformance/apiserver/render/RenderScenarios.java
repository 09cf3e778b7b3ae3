package dev.aiinfra.conformance.apiserver.render;

import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.profile.FeatureGate;
import dev.aiinfra.core.model.profile.FeatureStage;
import dev.aiinfra.core.model.profile.KubernetesVersion;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.examples.Example;
import dev.aiinfra.examples.catalog.Examples;
import dev.aiinfra.examples.gang.JobSetGangExample;
import dev.aiinfra.examples.sandbox.GpuAgentSandboxExample;
import dev.aiinfra.sandbox.model.agent.AgentSandboxApi;
import dev.aiinfra.sandbox.model.agent.SandboxClaimSpec;
import dev.aiinfra.sandbox.model.agent.SandboxSpec;
import dev.aiinfra.sandbox.model.agent.SandboxTemplateSpec;
import dev.aiinfra.sandbox.model.agent.SandboxWarmPoolSpec;
import dev.aiinfra.sandbox.policy.runtime.SandboxRuntime;
import dev.aiinfra.sandbox.render.agent.AgentSandboxRenderer;
import dev.aiinfra.scheduling.model.GangSpec;
import dev.aiinfra.scheduling.model.GangTarget;
import dev.aiinfra.scheduling.model.PodGroupSpec;
import dev.aiinfra.scheduling.read.GangPlacementInput;
import dev.aiinfra.serving.model.deploy.DeploymentStyle;
import dev.aiinfra.serving.model.deploy.GpuAttachment;
import dev.aiinfra.serving.model.deploy.ServingDeployment;
import dev.aiinfra.serving.model.deploy.ServingRole;
import dev.aiinfra.serving.model.pd.Backend;
import dev.aiinfra.serving.render.deploy.ServingRenderer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every rendering of the SDK, enumerated from its catalogs and enums so that a new example, serving
 * style, GPU attachment, backend, gang target, sandbox API version or Kubernetes version is covered
 * without editing the test: the {@code render} examples ({@link Examples}), the other bundles the
 * example programs expose ({@link ExamplePrograms}), {@code serve render}
 * for every style × GPU attachment × backend × (aggregated, disaggregated), the gang renderings of
 * the example JobSet for every {@link GangTarget}, and the Agent Sandbox kinds for every {@link
 * AgentSandboxApi}, the last two at every supported Kubernetes version.
 */
final class RenderScenarios {
  private RenderScenarios() {}

  static List<RenderScenario> all() {
    List<RenderScenario> out = new ArrayList<>();
    for (Example e : Examples.all()) {
      out.add(new RenderScenario("render " + e.name(), Optional.empty(), e::build, e.area() == Example.Area.VALIDATION, Optional.empty()));
    }
    // Bundles the example programs expose beyond the catalog (e.g. the DNS example's untuned
    // objects); one that renders the same YAML as a catalog entry is already covered above.
    List<String> catalogYaml = Examples.all().stream().map(e -> e.build().toYaml()).toList();
    for (Map.Entry<String, Method> m : ExamplePrograms.bundleMethods()) {
      ManifestBundle bundle = ExamplePrograms.call(m.getValue());
      if (!catalogYaml.contains(bundle.toYaml())) {
        out.add(RenderScenario.accepted("example program " + m.getKey(), Optional.empty(), () -> bundle));
      }
    }
    for (DeploymentStyle style : DeploymentStyle.values()) {
      for (GpuAttachment gpus : GpuAttachment.values()) {
        for (Backend backend : Backend.values()) {
          for (boolean disaggregated : new boolean[] {false, true}) {
            String name = String.format(Locale.ROOT, "serve render --style %s --gpus-as %s --backend %s (%s)", style.id(),
                gpus.name().toLowerCase(Locale.ROOT).replace('_', '-'), backend.name().toLowerCase(Locale.ROOT),
                disaggregated ? "prefill/decode" : "aggregated");
            out.add(RenderScenario.accepted(name, Optional.empty(), () -> serving(style, gpus, backend, disaggregated)));
          }
        }
      }
    }
    for (KubernetesVersion version : KubernetesVersion.supported()) {
      Optional<Integer> minor = Optional.of(version.minor());
      for (GangTarget target : GangTarget.values()) {
        String t = target.name().toLowerCase(Locale.ROOT);
        out.add(RenderScenario.accepted("gang " + t + " (example JobSet, gang in one rack)", minor,
            () -> GangPlacementInput.of(JobSetGangExample.jobSet(), JobSetGangExample.gang(), target, profile(version)).attached().bundle()));
        out.add(RenderScenario.accepted("gang " + t + " (example JobSet, plain gang)", minor,
            () -> GangPlacementInput.of(JobSetGangExample.jobSet(), plainGang(), target, profile(version)).attached().bundle()));
      }
      for (GangWorkloads.Workload w : GangWorkloads.all()) {
        for (GangTarget target : GangTarget.values()) {
          out.add(RenderScenario.accepted("gang " + target.name().toLowerCase(Locale.ROOT) + " on a " + w.object().getKind(), minor,
              () -> GangPlacementInput.of(w.object(), w.gang(), target, profile(version)).attached().bundle()));
        }
      }
      for (AgentSandboxApi api : AgentSandboxApi.values()) {
        // The deprecated version is rendered when a spec asks for it by name; the server says so.
        Optional<Pattern> deprecation = api == AgentSandboxApi.V1BETA1 ? Optional.empty()
            : Optional.of(Pattern.compile("^[a-z0-9.-]+/" + api.version() + " [A-Za-z]+ is deprecated; use [a-z0-9.-]+/v1beta1 "));
        out.add(new RenderScenario("sandbox " + api.version() + " (Sandbox, SandboxTemplate, SandboxWarmPool, SandboxClaim)", minor,
            () -> sandbox(api, profile(version)), false, deprecation));
      }
    }
    return out;
  }

  /**
   * The profile of {@code version} with every alpha and beta gate of ai-infra's table on, as on the
   * test server: the renderings that need a gate are then produced rather than refused.
   */
  static ClusterProfile profile(KubernetesVersion version) {
    String gates = Arrays.stream(FeatureGate.values())
        .filter(g -> g.existsIn(version) && !g.lockedIn(version))
        .filter(g -> g.stageIn(version).filter(s -> s == FeatureStage.ALPHA || s == FeatureStage.BETA).isPresent())
        .map(g -> g.name() + "=true")
        .collect(Collectors.joining(","));
    return ClusterProfile.of(version).withFeatureGates(gates);
  }

  /** The example's gang without its topology constraint: what every gang target can express. */
  private static GangSpec plainGang() {
    GangSpec example = JobSetGangExample.gang();
    return example.withPodGroups(example.podGroups().stream()
        .map(g -> PodGroupSpec.builder().name(g.name()).minCount(g.minCount()).build()).toList());
  }

  private static ManifestBundle serving(DeploymentStyle style, GpuAttachment gpus, Backend backend, boolean disaggregated) {
    ServingDeployment.Builder b = ServingDeployment.builder()
        .name("qwen3-" + style.id().replace("disaggregatedset", "ds"))
        .namespace("serving")
        .model("Qwen/Qwen3-32B")
        .backend(backend)
        .style(style)
        .gpuAttachment(gpus)
        .exclusiveTopology("kubernetes.io/hostname")
        .putNodeSelector("nvidia.com/gpu.product", "NVIDIA-H200");
    if (disaggregated) {
      b.slices(2)
          .prefill(ServingRole.of(ServingRole.Phase.PREFILL, 2, 4, 1))
          .decode(ServingRole.of(ServingRole.Phase.DECODE, 1, 16, 64));
    } else {
      b.decode(ServingRole.of(ServingRole.Phase.AGGREGATED, 3, 8, 32));
    }
    return ServingRenderer.render(b.build()).manifests();
  }

  private static ManifestBundle sandbox(AgentSandboxApi api, ClusterProfile profile) {
    SandboxRuntime runtime = GpuAgentSandboxExample.runtimeChoice().runtime().orElseThrow();
    SandboxTemplateSpec template = GpuAgentSandboxExample.template(runtime).withApi(api);
    SandboxSpec sandbox = SandboxSpec.builder().name("code-agent-0").namespace(template.namespace()).api(api)
        .pod(template.pod()).runtimeClassName(template.runtimeClassName()).hardening(template.hardening())
        .egress(template.egress()).service(true)
        .shutdownPolicy(SandboxSpec.ShutdownPolicy.Delete)
        .build();
    SandboxClaimSpec.Builder claim = SandboxClaimSpec.builder().name("session-0001").namespace(template.namespace()).api(api)
        .ttlSecondsAfterFinished(600);
    if (api == AgentSandboxApi.V1BETA1) {
      claim.warmPoolName("code-agent");
    } else {
      claim.templateName("code-agent");
    }
    List<HasMetadata> objects = new ArrayList<>();
    objects.addAll(AgentSandboxRenderer.sandbox(sandbox, profile).manifests().objects());
    objects.addAll(AgentSandboxRenderer.template(template, profile).manifests().objects());
    objects.add(AgentSandboxRenderer.warmPool(SandboxWarmPoolSpec.builder().name("code-agent").namespace(template.namespace())
        .api(api).templateName("code-agent").replicas(3).build()));
    objects.add(AgentSandboxRenderer.claim(claim.build()));
    return ManifestBundle.of(objects);
  }
}
