package dev.aiinfra.sandbox.policy.pss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.sandbox.model.pss.ContainerSecurityView;
import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import dev.aiinfra.sandbox.model.pss.PodSecurityVersion;
import dev.aiinfra.sandbox.model.pss.PodSecurityView;
import dev.aiinfra.sandbox.model.pss.SeLinuxOptionsView;
import dev.aiinfra.sandbox.model.pss.VolumeView;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodSecurityTest {
  private static final PodSecurityVersion LATEST = PodSecurityVersion.latest();

  private static ContainerSecurityView hardened(String name) {
    return ContainerSecurityView.builder().name(name).allowPrivilegeEscalation(false).addCapabilitiesDrop("ALL").build();
  }

  /** The minimal restricted pod of upstream's fixtures: pod runAsNonRoot + RuntimeDefault, containers drop ALL. */
  private static PodSecurityView restricted(ContainerSecurityView... containers) {
    return PodSecurityView.builder().runAsNonRoot(true).seccompProfileType("RuntimeDefault")
        .addContainers(containers.length == 0 ? new ContainerSecurityView[] {hardened("app")} : containers).build();
  }

  private static List<String> failing(PodSecurityView pod, PodSecurityLevel level, String version) {
    return PodSecurity.evaluate(pod, level, PodSecurityVersion.parse(version).orElseThrow()).failingChecks();
  }

  private static List<String> restrictedFailures(PodSecurityView pod) {
    return failing(pod, PodSecurityLevel.RESTRICTED, "latest");
  }

  private static List<String> baselineFailures(PodSecurityView pod) {
    return failing(pod, PodSecurityLevel.BASELINE, "latest");
  }

  @Test
  void the_minimal_restricted_pod_passes_both_levels_at_every_version() {
    for (int minor = 0; minor <= 40; minor++) {
      PodSecurityVersion v = PodSecurityVersion.of(minor);
      assertThat(PodSecurity.evaluate(restricted(), PodSecurityLevel.RESTRICTED, v).allowed()).as("v1.%d", minor).isTrue();
      assertThat(PodSecurity.evaluate(restricted(), PodSecurityLevel.BASELINE, v).allowed()).isTrue();
    }
  }

  @Test
  void a_plain_pod_passes_baseline_and_fails_restricted_on_four_checks() {
    PodSecurityView plain = PodSecurityView.builder().addContainer(ContainerSecurityView.builder().name("app").build()).build();
    assertThat(baselineFailures(plain)).isEmpty();
    assertThat(restrictedFailures(plain))
        .containsExactly("allowPrivilegeEscalation", "capabilities_restricted", "runAsNonRoot", "seccompProfile_restricted");
  }

  @Test
  void privileged_on_any_container_kind_is_denied() {
    for (ContainerSecurityView.Kind kind : ContainerSecurityView.Kind.values()) {
      PodSecurityView pod = restricted(hardened("app"), hardened("x").withKind(kind).withPrivileged(true));
      assertThat(baselineFailures(pod)).as("%s", kind).containsExactly("privileged");
    }
    assertThat(baselineFailures(restricted(hardened("app").withPrivileged(false)))).isEmpty();
  }

  @Test
  void host_namespaces_are_denied_but_host_users_is_not_read() {
    assertThat(baselineFailures(restricted().withHostNetwork(true))).containsExactly("hostNamespaces");
    assertThat(baselineFailures(restricted().withHostPID(true))).containsExactly("hostNamespaces");
    assertThat(baselineFailures(restricted().withHostIPC(true))).containsExactly("hostNamespaces");
    assertThat(baselineFailures(restricted().withHostUsers(true))).isEmpty();
    assertThat(PodSecurity.evaluate(restricted().withHostNetwork(true).withHostPID(true), PodSecurityLevel.BASELINE, LATEST)
        .violations().get(0).message()).isEqualTo("host namespaces (hostNetwork=true, hostPID=true)");
  }

  @Test
  void host_path_is_hostPathVolumes_at_baseline_and_restrictedVolumes_at_restricted() {
    PodSecurityView pod = restricted().withVolumes(VolumeView.of("host", "hostPath"));
    assertThat(baselineFailures(pod)).containsExactly("hostPathVolumes");
    assertThat(restrictedFailures(pod)).containsExactly("restrictedVolumes");
  }

  @Test
  void restricted_volumes_allow_the_nine_safe_sources_including_image() {
    for (String source : List.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image", "persistentVolumeClaim", "projected", "secret")) {
      assertThat(restrictedFailures(restricted().withVolumes(VolumeView.of("v", source)))).as(source).isEmpty();
    }
    for (String source : List.of("nfs", "gitRepo", "iscsi", "rbd", "flexVolume", "cephfs", "awsElasticBlockStore")) {
      assertThat(restrictedFailures(restricted().withVolumes(VolumeView.of("v", source)))).as(source).containsExactly("restrictedVolumes");
      assertThat(baselineFailures(restricted().withVolumes(VolumeView.of("v", source)))).as(source).isEmpty();
    }
  }

  @Test
  void a_volume_with_no_source_is_evaluated_as_the_emptyDir_defaulting_makes_it() {
    assertThat(restrictedFailures(restricted().withVolumes(VolumeView.of("scratch")))).isEmpty();
  }

  @Test
  void host_port_zero_is_allowed_any_other_is_denied() {
    assertThat(baselineFailures(restricted(hardened("app").withHostPorts(0)))).isEmpty();
    assertThat(baselineFailures(restricted(hardened("app").withHostPorts(0, 8080)))).containsExactly("hostPorts");
  }

  @Test
  void baseline_capabilities_allow_the_default_set_by_exact_name() {
    assertThat(baselineFailures(restricted(hardened("app").withCapabilitiesAdd("CHOWN", "NET_BIND_SERVICE", "SYS_CHROOT")))).isEmpty();
    for (String cap : List.of("NET_RAW", "chown", "CAP_CHOWN", "SYS_ADMIN")) {
      assertThat(baselineFailures(restricted(hardened("app").withCapabilitiesAdd(cap)))).as(cap).containsExactly("capabilities_baseline");
    }
  }

  @Test
  void restricted_capabilities_need_drop_ALL_in_upper_case_and_add_only_NET_BIND_SERVICE() {
    assertThat(restrictedFailures(restricted(hardened("app").withCapabilitiesAdd("NET_BIND_SERVICE")))).isEmpty();
    assertThat(restrictedFailures(restricted(hardened("app").withCapabilitiesDrop("all")))).containsExactly("capabilities_restricted");
    assertThat(restrictedFailures(restricted(hardened("app").withCapabilitiesAdd("CHOWN")))).containsExactly("capabilities_restricted");
    assertThat(restrictedFailures(restricted(hardened("app").withCapabilitiesDrop("CHOWN", "KILL")))).containsExactly("capabilities_restricted");
  }

  @Test
  void capabilities_restricted_replaces_the_baseline_check_only_from_v1_22() {
    PodSecurityView pod = restricted(hardened("app").withCapabilitiesAdd("NET_RAW"));
    assertThat(failing(pod, PodSecurityLevel.RESTRICTED, "v1.21")).containsExactly("capabilities_baseline");
    assertThat(failing(pod, PodSecurityLevel.RESTRICTED, "v1.22")).containsExactly("capabilities_restricted");
  }

  @Test
  void seccomp_baseline_denies_only_explicit_bad_profiles() {
    assertThat(baselineFailures(PodSecurityView.builder().from(restricted()).seccompProfileType("Unconfined").build())).containsExactly("seccompProfile_baseline");
    assertThat(baselineFailures(restricted(hardened("app").withSeccompProfileType("Unconfined")))).containsExactly("seccompProfile_baseline");
    assertThat(baselineFailures(restricted(hardened("app").withSeccompProfileType("Localhost")))).isEmpty();
  }

  @Test
  void seccomp_baseline_reads_annotations_before_v1_19_and_fields_after() {
    PodSecurityView annotated = restricted().withAnnotations(java.util.Map.of("seccomp.security.alpha.kubernetes.io/pod", "unconfined"));
    assertThat(failing(annotated, PodSecurityLevel.BASELINE, "v1.18")).containsExactly("seccompProfile_baseline");
    assertThat(failing(annotated, PodSecurityLevel.BASELINE, "v1.19")).isEmpty();
    PodSecurityView container = restricted().withAnnotations(java.util.Map.of("container.seccomp.security.alpha.kubernetes.io/app", "docker/default"));
    assertThat(failing(container, PodSecurityLevel.BASELINE, "v1.18")).isEmpty();
  }

  @Test
  void seccomp_restricted_pod_profile_covers_unset_containers_and_container_profile_wins() {
    assertThat(restrictedFailures(restricted(hardened("app").withSeccompProfileType("Unconfined")))).containsExactly("seccompProfile_restricted");
    PodSecurityView podUnconfined = PodSecurityView.builder().from(restricted(hardened("app").withSeccompProfileType("RuntimeDefault")))
        .seccompProfileType("Unconfined").build();
    assertThat(restrictedFailures(podUnconfined)).containsExactly("seccompProfile_restricted");
    PodSecurityView podUnset = PodSecurityView.builder().runAsNonRoot(true)
        .addContainers(hardened("a").withSeccompProfileType("Localhost"), hardened("b").withSeccompProfileType("RuntimeDefault")).build();
    assertThat(restrictedFailures(podUnset)).isEmpty();
    PodSecurityView oneUnset = PodSecurityView.builder().runAsNonRoot(true)
        .addContainers(hardened("a").withSeccompProfileType("Localhost"), hardened("b")).build();
    assertThat(PodSecurity.evaluate(oneUnset, PodSecurityLevel.RESTRICTED, LATEST).violations().get(0).detail())
        .isEqualTo("pod or container \"b\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\"");
  }

  @Test
  void run_as_non_root_pod_true_covers_containers_but_explicit_false_anywhere_is_denied() {
    assertThat(restrictedFailures(restricted(hardened("app").withRunAsNonRoot(false)))).containsExactly("runAsNonRoot");
    PodSecurityView podFalse = PodSecurityView.builder().from(restricted(hardened("app").withRunAsNonRoot(true))).runAsNonRoot(false).build();
    assertThat(restrictedFailures(podFalse)).containsExactly("runAsNonRoot");
    PodSecurityView podUnset = PodSecurityView.builder().seccompProfileType("RuntimeDefault")
        .addContainers(hardened("a").withRunAsNonRoot(true), hardened("b").withRunAsNonRoot(true)).build();
    assertThat(restrictedFailures(podUnset)).isEmpty();
  }

  @Test
  void run_as_user_zero_is_denied_wherever_it_is_set_from_v1_23() {
    PodSecurityView podRoot = PodSecurityView.builder().from(restricted(hardened("app").withRunAsUser(1000L))).runAsUser(0L).build();
    assertThat(restrictedFailures(podRoot)).containsExactly("runAsUser");
    assertThat(restrictedFailures(restricted(hardened("app").withRunAsUser(0L)))).containsExactly("runAsUser");
    assertThat(failing(podRoot, PodSecurityLevel.RESTRICTED, "v1.22")).isEmpty();
    assertThat(baselineFailures(podRoot)).isEmpty();
  }

  @Test
  void user_namespaces_relax_run_as_non_root_run_as_user_and_baseline_proc_mount_from_v1_35() {
    PodSecurityView pod = PodSecurityView.builder().seccompProfileType("RuntimeDefault").hostUsers(false).runAsUser(0L)
        .addContainer(hardened("app").withRunAsNonRoot(false).withProcMount("Unmasked")).build();
    assertThat(failing(pod, PodSecurityLevel.RESTRICTED, "v1.35")).containsExactly("procMount_restricted");
    assertThat(failing(pod, PodSecurityLevel.BASELINE, "v1.35")).isEmpty();
    assertThat(failing(pod, PodSecurityLevel.RESTRICTED, "v1.34")).containsExactly("procMount", "runAsNonRoot", "runAsUser");
    assertThat(failing(pod.withHostUsers(true), PodSecurityLevel.RESTRICTED, "v1.35")).containsExactly("procMount_restricted", "runAsNonRoot", "runAsUser");
  }

  @Test
  void windows_pods_are_exempt_from_privilege_escalation_capabilities_and_seccomp_from_v1_25_but_not_run_as_non_root() {
    PodSecurityView windows = PodSecurityView.builder().osName("windows").addContainer(ContainerSecurityView.builder().name("app").build()).build();
    assertThat(failing(windows, PodSecurityLevel.RESTRICTED, "v1.25")).containsExactly("runAsNonRoot");
    assertThat(failing(windows, PodSecurityLevel.RESTRICTED, "v1.24"))
        .containsExactly("allowPrivilegeEscalation", "capabilities_restricted", "runAsNonRoot", "seccompProfile_restricted");
  }

  @Test
  void restricted_is_not_a_superset_of_baseline_for_windows_pods_with_linux_fields() {
    PodSecurityView windows = PodSecurityView.builder().osName("windows").runAsNonRoot(true)
        .addContainer(ContainerSecurityView.builder().name("app").addCapabilitiesAdd("NET_RAW").build()).build();
    assertThat(baselineFailures(windows)).containsExactly("capabilities_baseline");
    assertThat(restrictedFailures(windows)).isEmpty();
  }

  @Test
  void allow_privilege_escalation_must_be_explicitly_false_on_every_container_including_ephemeral() {
    PodSecurityView pod = restricted(hardened("app"), ContainerSecurityView.builder().name("debug").kind(ContainerSecurityView.Kind.EPHEMERAL)
        .addCapabilitiesDrop("ALL").build());
    assertThat(restrictedFailures(pod)).containsExactly("allowPrivilegeEscalation");
    assertThat(restrictedFailures(restricted(hardened("app").withAllowPrivilegeEscalation(true)))).containsExactly("allowPrivilegeEscalation");
  }

  @Test
  void sysctls_match_exact_names_by_version() {
    PodSecurityView pod = restricted().withSysctls("net.ipv4.tcp_slow_start_after_idle");
    assertThat(failing(pod, PodSecurityLevel.BASELINE, "v1.37")).isEmpty();
    assertThat(failing(pod, PodSecurityLevel.BASELINE, "v1.36")).containsExactly("sysctls");
    assertThat(failing(restricted().withSysctls("net.ipv4.ip_local_reserved_ports"), PodSecurityLevel.BASELINE, "v1.26")).containsExactly("sysctls");
    assertThat(failing(restricted().withSysctls("net.ipv4.ip_local_reserved_ports"), PodSecurityLevel.BASELINE, "v1.27")).isEmpty();
    assertThat(baselineFailures(restricted().withSysctls("net.ipv4.tcp"))).containsExactly("sysctls");
    assertThat(baselineFailures(restricted().withSysctls("kernel.shm_rmid_forced"))).isEmpty();
  }

  @Test
  void app_armor_denies_unconfined_fields_and_annotations_even_for_unknown_container_names() {
    assertThat(baselineFailures(restricted().withAnnotations(java.util.Map.of("container.apparmor.security.beta.kubernetes.io/nobody", "unconfined"))))
        .containsExactly("appArmorProfile");
    assertThat(baselineFailures(restricted().withAnnotations(java.util.Map.of("container.apparmor.security.beta.kubernetes.io/app", "")))).isEmpty();
    assertThat(baselineFailures(restricted().withAnnotations(java.util.Map.of("container.apparmor.security.beta.kubernetes.io/app", "localhost/p")))).isEmpty();
    assertThat(failing(restricted(hardened("app").withAppArmorProfileType("Unconfined")), PodSecurityLevel.BASELINE, "v1.0")).containsExactly("appArmorProfile");
    assertThat(baselineFailures(restricted().withAppArmorProfileType("RuntimeDefault"))).isEmpty();
  }

  @Test
  void se_linux_type_user_and_role_are_checked_but_level_is_not() {
    assertThat(baselineFailures(restricted().withSeLinuxOptions(SeLinuxOptionsView.builder().level("s0:c1,c2").type("container_t").build()))).isEmpty();
    assertThat(baselineFailures(restricted(hardened("app").withSeLinuxOptions(SeLinuxOptionsView.builder().user("root").build())))).containsExactly("seLinuxOptions");
    assertThat(baselineFailures(restricted().withSeLinuxOptions(SeLinuxOptionsView.builder().role("sysadm_r").build()))).containsExactly("seLinuxOptions");
    PodSecurityView engine = restricted().withSeLinuxOptions(SeLinuxOptionsView.builder().type("container_engine_t").build());
    assertThat(failing(engine, PodSecurityLevel.BASELINE, "v1.30")).containsExactly("seLinuxOptions");
    assertThat(failing(engine, PodSecurityLevel.BASELINE, "v1.31")).isEmpty();
  }

  @Test
  void windows_host_process_is_denied_on_pod_or_container() {
    assertThat(baselineFailures(restricted().withWindowsHostProcess(true))).containsExactly("windowsHostProcess");
    assertThat(baselineFailures(restricted(hardened("app").withWindowsHostProcess(true)))).containsExactly("windowsHostProcess");
  }

  @Test
  void probe_and_lifecycle_hosts_are_denied_from_v1_34_loopback_included() {
    PodSecurityView sidecar = restricted(hardened("app"), hardened("proxy").withKind(ContainerSecurityView.Kind.INIT).withHandlerHosts("127.0.0.1"));
    assertThat(failing(sidecar, PodSecurityLevel.BASELINE, "v1.34")).containsExactly("hostProbesAndHostLifecycle");
    assertThat(failing(sidecar, PodSecurityLevel.BASELINE, "v1.33")).isEmpty();
    assertThat(baselineFailures(restricted(hardened("app").withHandlerHosts("")))).isEmpty();
  }

  @Test
  void proc_mount_unmasked_is_denied_and_default_is_allowed() {
    assertThat(baselineFailures(restricted(hardened("app").withProcMount("Unmasked")))).containsExactly("procMount");
    assertThat(baselineFailures(restricted(hardened("app").withProcMount("Default")))).isEmpty();
    assertThat(failing(restricted(hardened("app").withProcMount("Unmasked")), PodSecurityLevel.RESTRICTED, "v1.34")).containsExactly("procMount");
  }

  @Test
  void every_failing_check_is_reported_in_registry_order_without_short_circuit() {
    PodSecurityView bad = PodSecurityView.builder().hostNetwork(true).runAsUser(0L).addSysctl("kernel.msgmax")
        .addVolume(VolumeView.of("h", "hostPath"))
        .addContainer(ContainerSecurityView.builder().name("app").privileged(true).addCapabilitiesAdd("SYS_ADMIN").addHostPort(80).build()).build();
    assertThat(baselineFailures(bad)).containsExactly("capabilities_baseline", "hostNamespaces", "hostPathVolumes", "hostPorts", "privileged", "sysctls");
    assertThat(restrictedFailures(bad)).containsExactly("hostNamespaces", "hostPorts", "privileged", "sysctls", "allowPrivilegeEscalation",
        "capabilities_restricted", "restrictedVolumes", "runAsNonRoot", "runAsUser", "seccompProfile_restricted");
    assertThat(PodSecurity.evaluate(bad, PodSecurityLevel.BASELINE, LATEST).message()).startsWith("violates PodSecurity \"baseline:latest\": non-default capabilities (");
  }

  @Test
  void privileged_level_runs_no_checks() {
    PodSecurityView bad = restricted().withHostNetwork(true);
    assertThat(PodSecurity.evaluate(bad, PodSecurityLevel.PRIVILEGED, LATEST).allowed()).isTrue();
    assertThat(PodSecurity.checkIds(PodSecurityLevel.PRIVILEGED, LATEST)).isEmpty();
  }

  @Test
  void check_ids_follow_the_v1_37_registry_with_overrides() {
    assertThat(PodSecurity.checkIds(PodSecurityLevel.BASELINE, LATEST)).hasSize(12);
    assertThat(PodSecurity.checkIds(PodSecurityLevel.RESTRICTED, LATEST)).containsExactly("appArmorProfile", "hostNamespaces", "hostPorts",
        "hostProbesAndHostLifecycle", "privileged", "seLinuxOptions", "sysctls", "windowsHostProcess", "allowPrivilegeEscalation",
        "capabilities_restricted", "procMount_restricted", "restrictedVolumes", "runAsNonRoot", "runAsUser", "seccompProfile_restricted");
    assertThat(PodSecurity.checkIds(PodSecurityLevel.RESTRICTED, PodSecurityVersion.of(0))).containsExactly("appArmorProfile", "capabilities_baseline",
        "hostNamespaces", "hostPorts", "privileged", "procMount", "seLinuxOptions", "seccompProfile_baseline", "sysctls", "windowsHostProcess",
        "restrictedVolumes", "runAsNonRoot");
  }

  @Test
  void versions_parse_like_the_namespace_label_and_clamp_to_the_newest() {
    assertThat(PodSecurityVersion.parse("v1.37")).contains(PodSecurityVersion.of(37));
    assertThat(PodSecurityVersion.parse("v1.99").orElseThrow().effectiveMinor()).isEqualTo(37);
    assertThat(PodSecurityVersion.parse("latest").orElseThrow().effectiveMinor()).isEqualTo(37);
    assertThat(PodSecurityVersion.parse("v1.037")).isEmpty();
    assertThat(PodSecurityVersion.parse("1.30")).isEmpty();
    assertThat(PodSecurityVersion.parse("v2.0")).isEmpty();
  }

  @Test
  void explicit_bad_values_are_reported_alone_with_upstream_wording() {
    PodSecurityView pod = PodSecurityView.builder().runAsNonRoot(false).seccompProfileType("Unconfined")
        .addContainers(hardened("a").withRunAsNonRoot(false).withSeccompProfileType(""), hardened("b")).build();
    List<PodSecurityViolation> v = PodSecurity.evaluate(pod, PodSecurityLevel.RESTRICTED, LATEST).violations();
    assertThat(v).extracting(PodSecurityViolation::message).containsExactly(
        "runAsNonRoot != true (pod and container \"a\" must not set securityContext.runAsNonRoot=false)",
        "seccompProfile (pod and container \"a\" must not set securityContext.seccompProfile.type to \"\", \"Unconfined\")");
  }

  @Test
  void capability_details_list_containers_in_visit_order_and_capabilities_sorted() {
    PodSecurityView pod = restricted(
        ContainerSecurityView.builder().name("a").allowPrivilegeEscalation(false).addCapabilitiesAdd("FOO", "BAR").build(),
        ContainerSecurityView.builder().name("b").allowPrivilegeEscalation(false).addCapabilitiesAdd("BAR", "BAZ").build(),
        hardened("c").withCapabilitiesAdd("NET_BIND_SERVICE", "CHOWN").withCapabilitiesDrop("ALL", "FOO"));
    assertThat(PodSecurity.evaluate(pod, PodSecurityLevel.RESTRICTED, LATEST).violations().get(0).detail()).isEqualTo(
        "containers \"a\", \"b\" must set securityContext.capabilities.drop=[\"ALL\"]; "
            + "containers \"a\", \"b\", \"c\" must not include \"BAR\", \"BAZ\", \"CHOWN\", \"FOO\" in securityContext.capabilities.add");
  }
}
