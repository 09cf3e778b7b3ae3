package dev.aiinfra.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.render.ManifestBundle;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServerSideApplyTest {
  private ApplyAwareMockServer server;
  private KubernetesClient client;
  private final List<Duration> slept = new ArrayList<>();

  @BeforeEach
  void start() {
    server = ApplyAwareMockServer.create();
    client = server.client();
  }

  @AfterEach
  void stop() {
    client.close();
    server.destroy();
  }

  private ApplyOptions options() {
    return ApplyOptions.builder().sleeper(slept::add).initialBackoff(Duration.ofMillis(100)).maxBackoff(Duration.ofMillis(250)).build();
  }

  private static ConfigMap config(String name, String value) {
    return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace("ml").endMetadata().addToData("k", value).build();
  }

  private static ManifestBundle bundle(String value) {
    return ManifestBundle.of(
        new NamespaceBuilder().withNewMetadata().withName("ml").endMetadata().build(),
        config("a", value),
        config("b", value));
  }

  @Test
  void a_first_apply_creates_everything_in_bundle_order() {
    ApplyReport r = ServerSideApply.using(client, options()).apply(bundle("1"));
    assertThat(r.objects()).extracting(ApplyOutcome::kind, ApplyOutcome::result)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Namespace", ApplyResult.APPLIED),
            org.assertj.core.groups.Tuple.tuple("ConfigMap", ApplyResult.APPLIED),
            org.assertj.core.groups.Tuple.tuple("ConfigMap", ApplyResult.APPLIED));
    assertThat(client.configMaps().inNamespace("ml").withName("b").get().getData()).containsEntry("k", "1");
  }

  @Test
  void a_second_identical_apply_reports_every_object_unchanged() {
    ServerSideApply ssa = ServerSideApply.using(client, options());
    ssa.apply(bundle("1"));
    assertThat(ssa.apply(bundle("1")).objects()).extracting(ApplyOutcome::result).containsOnly(ApplyResult.UNCHANGED);
  }

  @Test
  void a_changed_object_is_reported_applied() {
    ServerSideApply ssa = ServerSideApply.using(client, options());
    ssa.apply(bundle("1"));
    ApplyReport r = ssa.apply(ManifestBundle.of(config("a", "2")));
    assertThat(r.objects()).extracting(ApplyOutcome::result).containsExactly(ApplyResult.APPLIED);
    assertThat(client.configMaps().inNamespace("ml").withName("a").get().getData()).containsEntry("k", "2");
  }

  @Test
  void transient_failures_are_retried_with_capped_exponential_backoff() {
    server.expect().get().withPath("/api/v1/namespaces/ml/configmaps/a").andReturn(503, "busy").times(2);
    server.expect().get().withPath("/api/v1/namespaces/ml/configmaps/a").andReturn(429, "slow down").times(1);
    ApplyReport r = ServerSideApply.using(client, options()).apply(bundle("1"));
    assertThat(r.succeeded()).isTrue();
    assertThat(r.objects().get(1).attempts()).isEqualTo(4);
    assertThat(slept).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(250));
  }

  @Test
  void a_permanent_failure_stops_the_apply_and_says_what_was_not_attempted() {
    server.expect().get().withPath("/api/v1/namespaces/ml/configmaps/a").andReturn(403, "forbidden").always();
    ApplyReport r = ServerSideApply.using(client, options()).apply(bundle("1"));
    assertThat(r.succeeded()).isFalse();
    assertThat(r.objects()).extracting(ApplyOutcome::result)
        .containsExactly(ApplyResult.APPLIED, ApplyResult.FAILED, ApplyResult.SKIPPED);
    assertThat(r.objects().get(1).reason()).hasValueSatisfying(reason -> assertThat(reason).startsWith("HTTP 403"));
    assertThat(r.objects().get(2).reason()).contains("not attempted: ConfigMap ml/a failed");
    assertThat(client.configMaps().inNamespace("ml").withName("b").get()).isNull();
  }

  @Test
  void a_conflict_is_permanent_and_suggests_force_conflicts() {
    server.expect().patch().withPath("/api/v1/namespaces/ml/configmaps/a?fieldManager=ai-infra").andReturn(409, "conflict").always();
    ApplyReport r = ServerSideApply.using(client, options()).apply(bundle("1"));
    assertThat(r.objects().get(1).result()).isEqualTo(ApplyResult.FAILED);
    assertThat(r.objects().get(1).reason()).hasValueSatisfying(reason -> assertThat(reason).contains("--force-conflicts"));
    assertThat(r.objects().get(1).attempts()).isEqualTo(1);
  }

  @Test
  void transient_failures_that_outlast_the_budget_fail_the_object() {
    server.expect().get().withPath("/api/v1/namespaces/ml/configmaps/a").andReturn(500, "boom").always();
    ApplyReport r = ServerSideApply.using(client, options().withMaxAttempts(3)).apply(bundle("1"));
    assertThat(r.objects().get(1).reason()).hasValueSatisfying(reason -> assertThat(reason).startsWith("gave up after 3 attempts"));
  }

  @Test
  void a_server_dry_run_changes_nothing() {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("ml").endMetadata().build()).create();
    ApplyReport r = ServerSideApply.using(client, options().withDryRun(DryRun.SERVER)).apply(bundle("1"));
    assertThat(r.objects()).extracting(ApplyOutcome::result)
        .containsExactly(ApplyResult.UNCHANGED, ApplyResult.APPLIED, ApplyResult.APPLIED);
    assertThat(client.configMaps().inNamespace("ml").withName("a").get()).isNull();
  }

  @Test
  void a_server_dry_run_skips_objects_in_a_namespace_it_only_pretends_to_create() {
    // a real API server answers 404 for objects in a namespace that does not exist
    ApplyReport r = ServerSideApply.using(client, options().withDryRun(DryRun.SERVER)).apply(bundle("1"));
    assertThat(r.succeeded()).isTrue();
    assertThat(r.objects()).extracting(ApplyOutcome::result)
        .containsExactly(ApplyResult.APPLIED, ApplyResult.SKIPPED, ApplyResult.SKIPPED);
    assertThat(r.objects().get(1).reason())
        .contains("not checked: Namespace ml is created by this apply, which a dry run does not do");
    assertThat(client.namespaces().withName("ml").get()).isNull();
  }

  @Test
  void the_servers_retry_after_is_honoured_when_longer_than_the_backoff() {
    server.expect().get().withPath("/api/v1/namespaces/ml/configmaps/a")
        .andReturn(429, new io.fabric8.kubernetes.api.model.StatusBuilder().withCode(429).withReason("TooManyRequests")
            .withMessage("slow down").withNewDetails().withRetryAfterSeconds(3).endDetails().build())
        .once();
    ApplyReport r = ServerSideApply.using(client, options()).apply(bundle("1"));
    assertThat(r.succeeded()).isTrue();
    assertThat(slept).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void a_timeout_is_retried() {
    server.expect().get().delay(3, TimeUnit.SECONDS).withPath("/api/v1/namespaces/ml/configmaps/a").andReturn(200, config("a", "old")).once();
    ApplyReport r = ServerSideApply.using(client, options()).apply(bundle("1"));
    assertThat(r.succeeded()).isTrue();
    assertThat(r.objects().get(1).attempts()).isEqualTo(2);
  }

  @Test
  void force_conflicts_is_sent_when_asked() {
    ApplyReport r = ServerSideApply.using(client, options().withForceConflicts(true).withFieldManager("team-a")).apply(bundle("1"));
    assertThat(r.succeeded()).isTrue();
  }

  @Test
  void a_client_dry_run_changes_nothing() {
    ApplyReport r = ServerSideApply.using(client, options().withDryRun(DryRun.CLIENT)).apply(bundle("1"));
    assertThat(r.objects()).extracting(ApplyOutcome::result).containsOnly(ApplyResult.APPLIED);
    assertThat(client.configMaps().inNamespace("ml").withName("a").get()).isNull();
  }

  @Test
  void a_client_dry_run_of_what_is_already_there_is_unchanged() {
    ServerSideApply.using(client, options()).apply(bundle("1"));
    ApplyReport r = ServerSideApply.using(client, options().withDryRun(DryRun.CLIENT)).apply(bundle("1"));
    assertThat(r.objects()).extracting(ApplyOutcome::result).containsOnly(ApplyResult.UNCHANGED);
  }
}
