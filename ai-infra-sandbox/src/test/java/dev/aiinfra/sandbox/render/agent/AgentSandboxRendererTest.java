package dev.aiinfra.sandbox.render.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiinfra.core.golden.Golden;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.profile.KubernetesVersion;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.workload.ContainerSpec;
import dev.aiinfra.core.model.workload.PodTemplate;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.core.shared.SharedData;
import dev.aiinfra.sandbox.model.agent.AgentSandboxApi;
import dev.aiinfra.sandbox.model.agent.ClaimEnv;
import dev.aiinfra.sandbox.model.agent.SandboxClaimSpec;
import dev.aiinfra.sandbox.model.agent.SandboxSpec;
import dev.aiinfra.sandbox.model.agent.SandboxTemplateSpec;
import dev.aiinfra.sandbox.model.agent.SandboxVolumeClaim;
import dev.aiinfra.sandbox.model.agent.SandboxWarmPoolSpec;
import dev.aiinfra.sandbox.model.hardening.EgressAllowList;
import dev.aiinfra.sandbox.model.hardening.EgressRule;
import dev.aiinfra.sandbox.model.hardening.Hardening;
import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import dev.aiinfra.sandbox.model.pss.PodSecurityVersion;
import dev.aiinfra.sandbox.render.pss.ObjectReview;
import dev.aiinfra.sandbox.render.pss.PodSecurityReviews;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentSandboxRendererTest {
  private static final ClusterProfile PROFILE = ClusterProfile.of(KubernetesVersion.parse("1.36"));

  static PodTemplate agentPod() {
    return PodTemplate.builder().putLabel("app", "code-agent")
        .addContainer(ContainerSpec.builder().name("agent").image("ghcr.io/example/agent-runtime:1.4")
            .requests(ResourceList.of("cpu", "2", "memory", "8Gi", "nvidia.com/gpu", "1"))
            .limits(ResourceList.of("cpu", "2", "memory", "8Gi", "nvidia.com/gpu", "1")).build())
        .build();
  }

  static SandboxTemplateSpec gpuTemplate() {
    return SandboxTemplateSpec.builder().name("code-agent").namespace("agents").pod(agentPod())
        .runtimeClassName("kata-qemu-nvidia-gpu").hardening(Hardening.builder().runAsUser(65532L).build())
        .egress(EgressAllowList.builder().addAllow(EgressRule.builder().cidr("140.82.112.0/20").addPorts(EgressRule.Port.tcp(443)).build()).build())
        .build();
  }

  static SandboxSpec plainSandbox(AgentSandboxApi api) {
    return SandboxSpec.builder().name("scratch").namespace("agents").api(api).pod(agentPod()).runtimeClassName("gvisor").service(true)
        .shutdownTime(Instant.parse("2026-12-31T12:00:00Z")).shutdownPolicy(SandboxSpec.ShutdownPolicy.Delete)
        .egress(EgressAllowList.denyAll())
        .addVolumeClaim(SandboxVolumeClaim.builder().name("workspace").storage("20Gi").storageClassName("fast").mountPath("/workspace").build())
        .build();
  }

  private static HasMetadata kind(RenderedSandbox r, String kind) {
    return r.manifests().objects().stream().filter(o -> o.getKind().equals(kind)).findFirst().orElseThrow();
  }

  private static List<HasMetadata> all() {
    return List.of(
        AgentSandboxRenderer.template(gpuTemplate(), PROFILE).manifests().objects().get(0),
        AgentSandboxRenderer.warmPool(SandboxWarmPoolSpec.builder().name("code-agent").namespace("agents").templateName("code-agent").replicas(12)
            .updateStrategy(SandboxWarmPoolSpec.UpdateStrategy.Recreate).build()),
        AgentSandboxRenderer.claim(SandboxClaimSpec.builder().name("session-42").namespace("agents").warmPoolName("code-agent")
            .ttlSecondsAfterFinished(300).shutdownPolicy(SandboxClaimSpec.ShutdownPolicy.Delete).putPodLabel("team", "research")
            .putPodAnnotation("cluster-autoscaler.kubernetes.io/safe-to-evict", "false").build()),
        AgentSandboxRenderer.claim(SandboxClaimSpec.builder().name("legacy").namespace("agents").api(AgentSandboxApi.V1ALPHA1)
            .templateName("code-agent").warmpool("none").addEnv(ClaimEnv.of("TASK_ID", "42")).build()),
        AgentSandboxRenderer.warmPool(SandboxWarmPoolSpec.builder().name("legacy").namespace("agents").api(AgentSandboxApi.V1ALPHA1)
            .templateName("code-agent").replicas(0).build()));
  }

  @Test
  void a_gpu_template_warm_pool_and_claims_render_as_in_the_golden_file() {
    Golden.assertMatches("agent-sandbox-extensions.yaml", ManifestBundle.of(all()).toYaml());
  }

  @Test
  void a_sandbox_with_default_deny_egress_renders_as_in_the_golden_file_at_both_versions() {
    String beta = AgentSandboxRenderer.sandbox(plainSandbox(AgentSandboxApi.V1BETA1), PROFILE).manifests().toYaml();
    String alpha = AgentSandboxRenderer.sandbox(plainSandbox(AgentSandboxApi.V1ALPHA1).withOperatingMode(SandboxSpec.OperatingMode.Suspended),
        PROFILE).manifests().toYaml();
    Golden.assertMatches("agent-sandbox.yaml", beta + "---\n" + alpha);
    assertThat(beta).contains("operatingMode: Running").doesNotContain("replicas");
    assertThat(alpha).contains("replicas: 0").doesNotContain("operatingMode");
  }

  @Test
  void every_rendered_kind_validates_against_the_upstream_crds() {
    List<HasMetadata> objects = new java.util.ArrayList<>(all());
    objects.addAll(AgentSandboxRenderer.sandbox(plainSandbox(AgentSandboxApi.V1BETA1), PROFILE).manifests().objects());
    objects.addAll(AgentSandboxRenderer.sandbox(plainSandbox(AgentSandboxApi.V1ALPHA1), PROFILE).manifests().objects());
    objects.addAll(AgentSandboxRenderer.template(gpuTemplate().withApi(AgentSandboxApi.V1ALPHA1), PROFILE).manifests().objects());
    for (HasMetadata o : objects) {
      if (o.getApiVersion().contains("agents.x-k8s.io")) {
        assertThat(SharedData.crds().validate(o)).as(o.getApiVersion() + " " + o.getKind()).isEmpty();
      }
    }
  }

  @Test
  void the_hardened_templates_pass_restricted_at_every_policy_version() {
    List<HasMetadata> hardened = List.of(AgentSandboxRenderer.template(gpuTemplate(), PROFILE).manifests().objects().get(0),
        kind(AgentSandboxRenderer.sandbox(plainSandbox(AgentSandboxApi.V1BETA1), PROFILE), "Sandbox"),
        kind(AgentSandboxRenderer.sandbox(plainSandbox(AgentSandboxApi.V1BETA1).withRuntimeClassName(java.util.Optional.empty()), PROFILE), "Sandbox"));
    for (HasMetadata o : hardened) {
      for (int minor = 0; minor <= PodSecurityVersion.NEWEST_MINOR; minor++) {
        ObjectReview r = PodSecurityReviews.review(o, PodSecurityVersion.of(minor));
        assertThat(r.templates()).hasSize(1);
        assertThat(r.violations(PodSecurityLevel.RESTRICTED)).as("%s v1.%d", o.getKind(), minor).isEmpty();
      }
    }
  }

  @Test
  void without_the_preset_the_same_template_fails_restricted() {
    HasMetadata bare = AgentSandboxRenderer.template(gpuTemplate().withHardening(Hardening.none()), PROFILE).manifests().objects().get(0);
    assertThat(PodSecurityReviews.review(bare, PodSecurityVersion.latest()).allowed(PodSecurityLevel.RESTRICTED)).isFalse();
    assertThat(ManifestBundle.of(bare).toYaml()).doesNotContain("securityContext", "automountServiceAccountToken", "hostUsers", "/tmp");
  }

  @Test
  void every_preset_setting_is_visible_in_the_yaml() {
    String yaml = ManifestBundle.of(kind(AgentSandboxRenderer.sandbox(plainSandbox(AgentSandboxApi.V1BETA1).withRuntimeClassName(java.util.Optional.empty()),
        PROFILE), "Sandbox")).toYaml();
    assertThat(yaml).contains("runAsNonRoot: true", "type: RuntimeDefault", "- ALL", "allowPrivilegeEscalation: false",
        "readOnlyRootFilesystem: true", "automountServiceAccountToken: false", "hostUsers: false", "mountPath: /tmp", "emptyDir: {}");
  }

  @Test
  void each_preset_setting_can_be_turned_off_on_its_own() {
    Hardening noRootFs = Hardening.builder().readOnlyRootFilesystem(false).build();
    String yaml = ManifestBundle.of(kind(AgentSandboxRenderer.sandbox(plainSandbox(AgentSandboxApi.V1BETA1).withHardening(noRootFs), PROFILE), "Sandbox")).toYaml();
    assertThat(yaml).contains("runAsNonRoot: true", "allowPrivilegeEscalation: false").doesNotContain("readOnlyRootFilesystem", "/tmp");
  }

  @Test
  void user_namespaces_are_skipped_with_a_reason_under_gvisor_and_kata() {
    List<Diagnostic> d = AgentSandboxRenderer.template(gpuTemplate(), PROFILE).diagnostics();
    assertThat(d).extracting(Diagnostic::code).containsExactly("HARDENING_NO_USER_NAMESPACE");
    assertThat(d.get(0).message()).contains("kata-qemu-nvidia-gpu");
    assertThat(ManifestBundle.of(AgentSandboxRenderer.template(gpuTemplate(), PROFILE).manifests().objects()).toYaml()).doesNotContain("hostUsers");
  }

  @Test
  void a_user_value_is_kept_and_reported_instead_of_overwritten() {
    PodTemplate rootPod = agentPod().withExtraFields(Map.of("securityContext", Map.of("runAsNonRoot", false)));
    RenderedSandbox r = AgentSandboxRenderer.sandbox(plainSandbox(AgentSandboxApi.V1BETA1).withPod(rootPod), PROFILE);
    assertThat(r.diagnostics()).extracting(Diagnostic::code).contains("HARDENING_USER_VALUE_KEPT");
    assertThat(PodSecurityReviews.review(kind(r, "Sandbox"), PodSecurityVersion.latest()).violations(PodSecurityLevel.RESTRICTED))
        .extracting(v -> v.check()).containsExactly("runAsNonRoot");
  }

  @Test
  void the_egress_policy_selects_the_sandbox_pod_by_the_controllers_name_hash() {
    HasMetadata np = AgentSandboxRenderer.sandbox(plainSandbox(AgentSandboxApi.V1BETA1), PROFILE).manifests().objects().stream()
        .filter(o -> o.getKind().equals("NetworkPolicy")).findFirst().orElseThrow();
    assertThat(ManifestBundle.of(np).toYaml()).contains("agents.x-k8s.io/sandbox-name-hash: " + SandboxNames.nameHash("scratch"), "- Egress", "port: 53");
  }

  @Test
  void name_hash_is_fnv1a_32_in_lower_hex() {
    assertThat(SandboxNames.nameHash("")).isEqualTo("811c9dc5");
    assertThat(SandboxNames.nameHash("a")).isEqualTo("e40c292c");
    assertThat(SandboxNames.nameHash("foobar")).isEqualTo("bf9cf968");
  }

  @Test
  void claims_enforce_the_fields_of_their_api_version() {
    assertThatThrownBy(() -> SandboxClaimSpec.builder().name("c").templateName("t").build()).isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("spec.warmPoolRef.name").hasMessageContaining("spec.sandboxTemplateRef");
    assertThatThrownBy(() -> SandboxClaimSpec.builder().name("c").api(AgentSandboxApi.V1ALPHA1).warmPoolName("p").build())
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("spec.sandboxTemplateRef.name").hasMessageContaining("spec.warmPoolRef");
    assertThatThrownBy(() -> SandboxClaimSpec.builder().name("c").warmPoolName("p").putPodAnnotation("node.kubernetes.io/x", "y").build())
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("kubernetes.io");
  }

  @Test
  void templates_reject_v1beta1_only_fields_at_v1alpha1_and_unselectable_unmanaged_policies() {
    assertThatThrownBy(() -> gpuTemplate().withApi(AgentSandboxApi.V1ALPHA1)
        .withVolumeClaimTemplatesPolicy(SandboxTemplateSpec.InjectionPolicy.Allowed)).isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("volumeClaimTemplatesPolicy");
    assertThatThrownBy(() -> gpuTemplate().withPod(agentPod().withLabels(Map.of()))
        .withNetworkPolicyManagement(SandboxTemplateSpec.NetworkPolicyManagement.Unmanaged)).isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("spec.podTemplate.metadata.labels");
  }

  @Test
  void an_unmanaged_template_gets_its_own_network_policy() {
    RenderedSandbox r = AgentSandboxRenderer.template(gpuTemplate().withNetworkPolicyManagement(SandboxTemplateSpec.NetworkPolicyManagement.Unmanaged), PROFILE);
    assertThat(r.manifests().objects()).extracting(HasMetadata::getKind).containsExactlyInAnyOrder("SandboxTemplate", "NetworkPolicy");
    assertThat(r.manifests().toYaml()).contains("networkPolicyManagement: Unmanaged").doesNotContain("networkPolicy:\n");
  }

  @Test
  void a_workspace_claim_becomes_a_volume_claim_template_mounted_in_every_container() {
    String yaml = AgentSandboxRenderer.sandbox(plainSandbox(AgentSandboxApi.V1BETA1), PROFILE).manifests().toYaml();
    assertThat(yaml).contains("volumeClaimTemplates:", "name: workspace", "storage: 20Gi", "storageClassName: fast", "mountPath: /workspace");
    SandboxVolumeClaim w = SandboxVolumeClaim.builder().name("w").storage("1Gi").build();
    assertThatThrownBy(() -> plainSandbox(AgentSandboxApi.V1BETA1).withVolumeClaims(w, w))
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("spec.volumeClaimTemplates[1].metadata.name").hasMessageContaining("Duplicate");
    assertThatThrownBy(() -> SandboxVolumeClaim.builder().name("w").storage("lots").accessModes(List.of("ReadWriteSome")).build())
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("must be a quantity").hasMessageContaining("spec.accessModes[0]");
  }

  @Test
  void a_managed_egress_list_keeps_ingress_from_the_sandbox_router_unless_turned_off() {
    String kept = AgentSandboxRenderer.template(gpuTemplate(), PROFILE).manifests().toYaml();
    assertThat(kept).contains("ingress:", "app: sandbox-router");
    String denied = AgentSandboxRenderer.template(gpuTemplate().withRouterIngress(false), PROFILE).manifests().toYaml();
    assertThat(denied).doesNotContain("ingress:", "sandbox-router");
  }

  @Test
  void public_internet_rules_exclude_internal_ranges_for_both_address_families() {
    HasMetadata np = EgressPolicyRenderer.render("p", "ns", Map.of("a", "b"), EgressAllowList.builder()
        .addAllow(EgressRule.publicInternet(EgressRule.Port.tcp(443)), EgressRule.publicInternetIpv6(EgressRule.Port.tcp(443))).build());
    assertThat(ManifestBundle.of(np).toYaml()).contains("cidr: 0.0.0.0/0", "- 10.0.0.0/8", "- 100.64.0.0/10", "- 169.254.0.0/16",
        "cidr: ::/0", "- fc00::/7", "- fe80::/10");
  }
}
