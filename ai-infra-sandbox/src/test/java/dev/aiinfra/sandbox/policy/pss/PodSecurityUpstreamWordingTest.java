package dev.aiinfra.sandbox.policy.pss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.sandbox.model.pss.ContainerSecurityView;
import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import dev.aiinfra.sandbox.model.pss.PodSecurityVersion;
import dev.aiinfra.sandbox.model.pss.PodSecurityView;
import dev.aiinfra.sandbox.model.pss.SeLinuxOptionsView;
import org.junit.jupiter.api.Test;

/**
 * Regression tests from the differential run against Pod Security Admission v0.36.3 (conformance
 * area PSS): each detail is worded, ordered and de-duplicated exactly as upstream's check.
 */
class PodSecurityUpstreamWordingTest {
  private static String baselineMessage(PodSecurityView pod, String version, String check) {
    return PodSecurity.evaluate(pod, PodSecurityLevel.BASELINE, PodSecurityVersion.parse(version).orElseThrow()).violations().stream()
        .filter(v -> v.check().equals(check)).findFirst().orElseThrow().message();
  }

  private static ContainerSecurityView c(String name) {
    return ContainerSecurityView.builder().name(name).build();
  }

  @Test
  void app_armor_lists_the_bad_types_then_the_annotations_and_names_every_setter() {
    PodSecurityView pod = PodSecurityView.builder().appArmorProfileType("Unconfined")
        .addContainers(c("a").withAppArmorProfileType(""), c("b"))
        .putAnnotation("container.apparmor.security.beta.kubernetes.io/b", "other")
        .putAnnotation("container.apparmor.security.beta.kubernetes.io/a", "unconfined").build();
    assertThat(baselineMessage(pod, "latest", "appArmorProfile")).isEqualTo(
        "forbidden AppArmor profiles (pod and container \"a\" and annotations must not set AppArmor profile type to \"\", \"Unconfined\", "
            + "\"container.apparmor.security.beta.kubernetes.io/a=\"unconfined\"\", \"container.apparmor.security.beta.kubernetes.io/b=\"other\"\")");
  }

  @Test
  void app_armor_and_seccomp_annotation_values_are_quoted_with_go_escapes() {
    PodSecurityView pod = PodSecurityView.builder().addContainer(c("a"))
        .putAnnotation("container.apparmor.security.beta.kubernetes.io/a", "un\"confined\\x")
        .putAnnotation("container.seccomp.security.alpha.kubernetes.io/a", "un\"confined\\x").build();
    assertThat(baselineMessage(pod, "latest", "appArmorProfile")).isEqualTo(
        "forbidden AppArmor profile (annotation must not set AppArmor profile type to "
            + "\"container.apparmor.security.beta.kubernetes.io/a=\"un\\\"confined\\\\x\"\")");
    assertThat(baselineMessage(pod, "v1.18", "seccompProfile_baseline")).isEqualTo(
        "seccompProfile (forbidden annotation container.seccomp.security.alpha.kubernetes.io/a=\"un\\\"confined\\\\x\")");
  }

  @Test
  void seccomp_annotations_before_v1_19_are_listed_in_text_order() {
    PodSecurityView pod = PodSecurityView.builder().addContainer(c("c0"))
        .putAnnotation("seccomp.security.alpha.kubernetes.io/pod", "unconfined")
        .putAnnotation("container.seccomp.security.alpha.kubernetes.io/c0", "").build();
    assertThat(baselineMessage(pod, "v1.10", "seccompProfile_baseline")).isEqualTo(
        "seccompProfile (forbidden annotations container.seccomp.security.alpha.kubernetes.io/c0=\"\", "
            + "seccomp.security.alpha.kubernetes.io/pod=\"unconfined\")");
  }

  @Test
  void se_linux_user_and_role_are_reported_as_may_not_be_set() {
    PodSecurityView pod = PodSecurityView.builder()
        .seLinuxOptions(SeLinuxOptionsView.builder().type("spc_t").user("system_u").role("system_r").level("").build())
        .addContainer(c("a")).build();
    assertThat(baselineMessage(pod, "latest", "seLinuxOptions")).isEqualTo(
        "seLinuxOptions (pod set forbidden securityContext.seLinuxOptions: type \"spc_t\"; user may not be set; role may not be set)");
  }

  @Test
  void host_ports_are_distinct_and_listed_in_text_order() {
    PodSecurityView pod = PodSecurityView.builder()
        .addContainers(c("a").withHostPorts(9000, 8081, 10000), c("b").withHostPorts(9000)).build();
    assertThat(baselineMessage(pod, "latest", "hostPorts")).isEqualTo(
        "hostPort (containers \"a\", \"b\" use hostPorts 10000, 8081, 9000)");
  }

  @Test
  void probe_hosts_name_each_container_once_sorted() {
    PodSecurityView pod = PodSecurityView.builder()
        .addContainers(c("b").withHandlerHosts("::1"), c("a").withHandlerHosts("::1"),
            c("b").withKind(ContainerSecurityView.Kind.EPHEMERAL).withHandlerHosts("::1")).build();
    assertThat(baselineMessage(pod, "latest", "hostProbesAndHostLifecycle")).isEqualTo(
        "probe or lifecycle host (containers \"a\", \"b\" use probe or lifecycle host \"::1\")");
  }

  @Test
  void policy_versions_take_any_minor_that_fits_sixty_four_bits() {
    assertThat(PodSecurityVersion.parse("v1.1234567").orElseThrow().effectiveMinor()).isEqualTo(PodSecurityVersion.NEWEST_MINOR);
    assertThat(PodSecurityVersion.parse("v1.9223372036854775807")).isPresent();
    assertThat(PodSecurityVersion.parse("v1.9223372036854775808")).isEmpty();
  }
}
