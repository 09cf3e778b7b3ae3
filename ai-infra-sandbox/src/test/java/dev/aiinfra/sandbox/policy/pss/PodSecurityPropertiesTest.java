package dev.aiinfra.sandbox.policy.pss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.profile.KubernetesVersion;
import dev.aiinfra.core.model.workload.PodTemplate;
import dev.aiinfra.sandbox.model.agent.SandboxSpec;
import dev.aiinfra.sandbox.model.hardening.Hardening;
import dev.aiinfra.sandbox.model.pss.ContainerSecurityView;
import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import dev.aiinfra.sandbox.model.pss.PodSecurityVersion;
import dev.aiinfra.sandbox.model.pss.PodSecurityView;
import dev.aiinfra.sandbox.policy.hardening.HardenedPod;
import dev.aiinfra.sandbox.policy.hardening.PodHardening;
import dev.aiinfra.sandbox.render.agent.AgentSandboxRenderer;
import dev.aiinfra.sandbox.render.pss.PodSecurityReviews;
import dev.aiinfra.testing.Gen;
import dev.aiinfra.testing.Property;
import dev.aiinfra.testing.Seeds;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties of the Pod Security checker and the hardening preset over generated pods. */
class PodSecurityPropertiesTest {
  private static final ClusterProfile PROFILE = ClusterProfile.of(KubernetesVersion.parse("1.36"));

  static LongStream seeds() {
    return Seeds.of(8);
  }

  private static Gen<Object[]> podAtVersion() {
    return r -> new Object[] {PodSecurityGenerators.pods().next(r), r.nextInt(PodSecurityVersion.NEWEST_MINOR + 1)};
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void failing_checks_agree_with_an_independent_oracle_at_every_level_and_version(long seed) {
    Property.forAll(seed, podAtVersion(), 400, x -> {
      PodSecurityView pod = (PodSecurityView) x[0];
      int minor = (Integer) x[1];
      for (PodSecurityLevel level : List.of(PodSecurityLevel.BASELINE, PodSecurityLevel.RESTRICTED)) {
        PodSecurityVerdict v = PodSecurity.evaluate(pod, level, PodSecurityVersion.of(minor));
        assertThat(new HashSet<>(v.failingChecks())).as("%s v1.%d", level, minor)
            .isEqualTo(PodSecurityOracle.failing(PodSecurityOracle.defaulted(pod), level, minor));
        assertThat(v.allowed()).isEqualTo(v.violations().isEmpty());
      }
    });
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void the_generator_reaches_both_verdicts_and_every_check(long seed) {
    java.util.SplittableRandom r = Seeds.random(seed);
    java.util.Set<String> seen = new HashSet<>();
    int allowed = 0;
    for (int i = 0; i < 2000; i++) {
      PodSecurityVerdict v = PodSecurity.evaluate(PodSecurityGenerators.pods().next(r), PodSecurityLevel.RESTRICTED, PodSecurityVersion.latest());
      allowed += v.allowed() ? 1 : 0;
      seen.addAll(v.failingChecks());
    }
    assertThat(allowed).isBetween(20, 1980);
    assertThat(seen).containsAll(PodSecurity.checkIds(PodSecurityLevel.RESTRICTED, PodSecurityVersion.latest()));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void a_pod_is_allowed_exactly_when_each_of_its_containers_is_allowed_alone(long seed) {
    Property.forAll(seed, podAtVersion(), 300, x -> {
      PodSecurityView pod = (PodSecurityView) x[0];
      PodSecurityVersion version = PodSecurityVersion.of((Integer) x[1]);
      for (PodSecurityLevel level : List.of(PodSecurityLevel.BASELINE, PodSecurityLevel.RESTRICTED)) {
        boolean each = pod.containers().stream().allMatch(c -> PodSecurity.evaluate(pod.withContainers(c), level, version).allowed());
        assertThat(PodSecurity.evaluate(pod, level, version).allowed()).isEqualTo(each);
      }
    });
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void restricted_allowed_implies_baseline_allowed_for_linux_pods(long seed) {
    Property.forAll(seed, podAtVersion().filter(x -> !((PodSecurityView) x[0]).windows()), 400, x -> {
      PodSecurityView pod = (PodSecurityView) x[0];
      PodSecurityVersion version = PodSecurityVersion.of((Integer) x[1]);
      if (PodSecurity.evaluate(pod, PodSecurityLevel.RESTRICTED, version).allowed()) {
        assertThat(PodSecurity.evaluate(pod, PodSecurityLevel.BASELINE, version).allowed()).isTrue();
      }
    });
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void evaluation_is_deterministic_and_independent_of_container_order_within_a_kind(long seed) {
    Property.forAll(seed, podAtVersion(), 300, x -> {
      PodSecurityView pod = (PodSecurityView) x[0];
      PodSecurityVersion version = PodSecurityVersion.of((Integer) x[1]);
      List<ContainerSecurityView> reversed = new ArrayList<>(pod.containers());
      java.util.Collections.reverse(reversed);
      for (PodSecurityLevel level : List.of(PodSecurityLevel.BASELINE, PodSecurityLevel.RESTRICTED)) {
        PodSecurityVerdict a = PodSecurity.evaluate(pod, level, version);
        assertThat(PodSecurity.evaluate(pod, level, version)).isEqualTo(a);
        assertThat(PodSecurity.evaluate(pod.withContainers(reversed), level, version).failingChecks()).isEqualTo(a.failingChecks());
      }
    });
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void the_hardening_preset_makes_every_benign_sandbox_pass_restricted_at_every_version(long seed) {
    Gen<Object[]> cases = r -> new Object[] {PodSecurityGenerators.benignTemplates().next(r),
        Gen.oneOf(Optional.<String>empty(), Optional.of("gvisor"), Optional.of("kata-qemu-nvidia-gpu")).next(r)};
    Property.forAll(seed, cases, 60, x -> {
      PodTemplate pod = (PodTemplate) x[0];
      @SuppressWarnings("unchecked")
      Optional<String> runtime = (Optional<String>) x[1];
      HasMetadata sandbox = AgentSandboxRenderer.sandbox(SandboxSpec.builder().name("s").pod(pod).runtimeClassName(runtime).build(), PROFILE)
          .manifests().objects().get(0);
      for (int minor = 0; minor <= PodSecurityVersion.NEWEST_MINOR; minor++) {
        assertThat(PodSecurityReviews.review(sandbox, PodSecurityVersion.of(minor)).violations(PodSecurityLevel.RESTRICTED)).as("v1.%d", minor).isEmpty();
      }
    });
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void hardening_is_idempotent_and_never_reports_on_benign_templates(long seed) {
    Property.forAll(seed, PodSecurityGenerators.benignTemplates(), 60, pod -> {
      HardenedPod once = PodHardening.harden(pod, Hardening.restricted(), PROFILE, Optional.empty());
      HardenedPod twice = PodHardening.harden(once.template(), Hardening.restricted(), PROFILE, Optional.empty());
      assertThat(twice.template()).isEqualTo(once.template());
      assertThat(once.diagnostics()).extracting(Diagnostic::code).doesNotContain("HARDENING_USER_VALUE_KEPT");
      assertThat(PodHardening.harden(pod, Hardening.none(), PROFILE, Optional.empty()).template()).isEqualTo(pod);
    });
  }
}
