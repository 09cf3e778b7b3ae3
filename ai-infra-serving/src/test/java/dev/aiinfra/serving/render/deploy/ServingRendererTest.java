package dev.aiinfra.serving.render.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiinfra.core.golden.Golden;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.shared.SharedData;
import dev.aiinfra.serving.model.deploy.DeploymentStyle;
import dev.aiinfra.serving.model.deploy.GpuAttachment;
import dev.aiinfra.serving.model.deploy.ServingDeployment;
import dev.aiinfra.serving.model.deploy.ServingRole;
import dev.aiinfra.serving.model.pd.Backend;
import dev.aiinfra.serving.model.pd.PdCatalog;
import dev.aiinfra.serving.model.pd.PlanRequest;
import dev.aiinfra.serving.model.pd.ServingSla;
import dev.aiinfra.serving.model.pd.Traffic;
import dev.aiinfra.serving.policy.pd.PdPlan;
import dev.aiinfra.serving.policy.pd.PdPlanner;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;

class ServingRendererTest {
  /** AIConfigurator's README winner: 4 × (2 prefill TP2 + 1 decode TP4). */
  static ServingDeployment disaggregated() {
    return ServingDeployment.builder()
        .name("qwen3")
        .namespace("serving")
        .model("Qwen/Qwen3-32B-FP8")
        .backend(Backend.VLLM)
        .slices(4)
        .prefill(ServingRole.of(ServingRole.Phase.PREFILL, 2, 2, 1))
        .decode(ServingRole.of(ServingRole.Phase.DECODE, 1, 4, 64))
        .build();
  }

  static ServingDeployment aggregated() {
    return ServingDeployment.builder()
        .name("qwen3")
        .namespace("serving")
        .model("Qwen/Qwen3-32B-FP8")
        .decode(ServingRole.of(ServingRole.Phase.AGGREGATED, 8, 4, 16))
        .build();
  }

  private static void assertConformant(ServingBundle b) {
    for (HasMetadata o : b.manifests().objects()) {
      if (!o.getApiVersion().startsWith("resource.k8s.io")) {
        assertThat(SharedData.crds().validate(o)).as(o.getKind() + " " + o.getMetadata().getName()).isEmpty();
      }
    }
  }

  @Test
  void dual_leader_worker_sets_with_an_inference_pool() {
    ServingBundle b = ServingRenderer.render(disaggregated());
    Golden.assertMatches("serve-lws-disaggregated.yaml", b.manifests().toYaml());
    assertThat(b.manifests().objects()).extracting(HasMetadata::getKind).containsExactlyInAnyOrder("LeaderWorkerSet", "LeaderWorkerSet", "InferencePool");
    assertThat(b.diagnostics()).extracting(Diagnostic::code).containsExactly("SERVE_ENDPOINT_PICKER");
  }

  @Test
  void dual_leader_worker_sets_match_their_crds() {
    assertConformant(ServingRenderer.render(disaggregated()));
  }

  @Test
  void aggregated_is_one_leader_worker_set() {
    ServingBundle b = ServingRenderer.render(aggregated());
    Golden.assertMatches("serve-lws-aggregated.yaml", b.manifests().toYaml());
    assertConformant(b);
  }

  @Test
  void disaggregated_set_has_a_role_per_phase_and_a_slice_per_replica() {
    ServingBundle b = ServingRenderer.render(disaggregated().withStyle(DeploymentStyle.DISAGGREGATED_SET).withBackend(Backend.SGLANG));
    Golden.assertMatches("serve-disaggregatedset.yaml", b.manifests().toYaml());
    assertConformant(b);
  }

  @Test
  void llmaz_gets_an_open_model_with_a_flavor_per_role_and_a_playground_per_role() {
    ServingBundle b = ServingRenderer.render(disaggregated().withStyle(DeploymentStyle.LLMAZ));
    Golden.assertMatches("serve-llmaz.yaml", b.manifests().toYaml());
    assertConformant(b);
    assertThat(b.diagnostics()).extracting(Diagnostic::code).containsExactly("SERVE_LLMAZ_NO_PD_ROUTING");
  }

  @Test
  void dra_claim_templates_replace_gpu_requests() {
    ServingBundle b = ServingRenderer.render(disaggregated().withGpuAttachment(GpuAttachment.DRA).withBackend(Backend.TRTLLM));
    Golden.assertMatches("serve-lws-dra.yaml", b.manifests().toYaml());
    assertThat(b.manifests().objects()).extracting(HasMetadata::getKind).contains("ResourceClaimTemplate", "ResourceClaimTemplate");
    assertThat(b.manifests().toYaml()).doesNotContain("nvidia.com/gpu").contains("resourceClaimTemplateName: qwen3-prefill-gpus");
    assertConformant(b);
  }

  @Test
  void any_int_gpus_per_node_gives_one_pod_per_worker_without_overflow() {
    ServingDeployment d = aggregated().withGpusPerNode(Integer.MAX_VALUE).withDecode(ServingRole.of(ServingRole.Phase.AGGREGATED, 2, 16, 64));
    assertThat(d.podsPerWorker(d.decode())).isEqualTo(1);
    assertThat(d.gpusPerPod(d.decode())).isEqualTo(16);
  }

  @Test
  void a_worker_wider_than_a_node_becomes_a_multi_pod_group() {
    ServingDeployment wide = aggregated().withDecode(ServingRole.of(ServingRole.Phase.AGGREGATED, 2, 16, 64));
    assertThat(wide.podsPerWorker(wide.decode())).isEqualTo(2);
    assertThat(wide.gpusPerPod(wide.decode())).isEqualTo(8);
    assertThat(ServingRenderer.render(wide).manifests().toYaml()).contains("size: 2").contains("nvidia.com/gpu: '8'");
    assertThatThrownBy(() -> aggregated().withDecode(ServingRole.of(ServingRole.Phase.AGGREGATED, 2, 12, 64)))
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("whole nodes");
  }

  @Test
  void llmaz_cannot_take_dra_claims() {
    assertThatThrownBy(() -> disaggregated().withStyle(DeploymentStyle.LLMAZ).withGpuAttachment(GpuAttachment.DRA))
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("flavor limits");
  }

  @Test
  void the_planners_choice_renders_in_one_call() {
    PdCatalog catalog = PdCatalog.builtin();
    PdPlan plan = PdPlanner.plan(PlanRequest.builder()
        .model(catalog.model("Qwen/Qwen3-32B-FP8").orElseThrow())
        .gpu(catalog.gpu("h200_sxm").orElseThrow())
        .totalGpus(32)
        .traffic(Traffic.builder().inputTokens(4000).outputTokens(500).prefixTokens(500).build())
        .sla(ServingSla.of(300, 10))
        .build());
    ServingBundle b = PlannedDeployment.render(plan, "qwen3", DeploymentStyle.LWS);
    String yaml = b.manifests().toYaml();
    assertThat(yaml).contains("name: qwen3-prefill").contains("replicas: 8").contains("name: qwen3-decode").contains("replicas: 4")
        .contains("trtllm-serve").contains("Qwen/Qwen3-32B-FP8").contains("--server_role");
    assertConformant(b);
  }

  @Test
  void an_aggregated_plan_asked_for_as_disaggregated_set_falls_back_to_one_lws() {
    ServingBundle b = ServingRenderer.render(aggregated().withStyle(DeploymentStyle.DISAGGREGATED_SET));
    assertThat(b.manifests().objects()).extracting(HasMetadata::getKind).containsExactlyInAnyOrder("LeaderWorkerSet", "InferencePool");
    assertThat(b.diagnostics()).extracting(Diagnostic::code).contains("SERVE_AGGREGATED_AS_LWS");
  }
}
