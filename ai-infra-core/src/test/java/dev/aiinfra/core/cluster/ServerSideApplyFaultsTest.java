package dev.aiinfra.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.cluster.FaultProxy.Fault;
import dev.aiinfra.core.render.ManifestBundle;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults a client only meets on a real network, through {@link FaultProxy} in front of the mock server. */
class ServerSideApplyFaultsTest {
  private static final String A = "/api/v1/namespaces/ml/configmaps/a";
  private ApplyAwareMockServer server;
  private FaultProxy proxy;
  private KubernetesClient client;
  private KubernetesClient direct;

  @BeforeEach
  void start() {
    server = ApplyAwareMockServer.create();
    direct = server.client();
    proxy = FaultProxy.to(URI.create(direct.getMasterUrl().toString()), null, Duration.ofSeconds(2));
    client = new KubernetesClientBuilder()
        .withConfig(new ConfigBuilder().withMasterUrl(proxy.url()).withRequestTimeout(1_000).withRequestRetryBackoffLimit(0).build())
        .build();
  }

  @AfterEach
  void stop() {
    client.close();
    proxy.close();
    direct.close();
    server.destroy();
  }

  private static ManifestBundle bundle() {
    return ManifestBundle.of(
        new NamespaceBuilder().withNewMetadata().withName("ml").endMetadata().build(),
        new ConfigMapBuilder().withNewMetadata().withName("a").withNamespace("ml").endMetadata().addToData("k", "1").build());
  }

  private ApplyReport apply() {
    return ServerSideApply.using(client, ApplyOptions.builder().sleeper(d -> { }).build()).apply(bundle());
  }

  @Test
  void a_reset_connection_is_retried() {
    proxy.inject("PATCH", A, Fault.RESET_BEFORE_SERVING);
    ApplyReport r = apply();
    assertThat(r.objects().get(1).result()).isEqualTo(ApplyResult.APPLIED);
    assertThat(r.objects().get(1).attempts()).isEqualTo(2);
    assertThat(proxy.allFaultsUsed()).isTrue();
  }

  @Test
  void a_create_whose_answer_was_lost_is_reported_applied_not_unchanged() {
    proxy.inject("PATCH", A, Fault.RESET_AFTER_SERVING);
    ApplyReport r = apply();
    assertThat(r.objects().get(1).result()).isEqualTo(ApplyResult.APPLIED);
    assertThat(r.objects().get(1).attempts()).isEqualTo(2);
    assertThat(direct.configMaps().inNamespace("ml").withName("a").get().getData()).containsEntry("k", "1");
  }

  @Test
  void a_500_after_the_server_applied_is_retried_and_reported_applied() {
    proxy.inject("PATCH", A, Fault.ERROR_AFTER_SERVING);
    ApplyReport r = apply();
    assertThat(r.objects().get(1).result()).isEqualTo(ApplyResult.APPLIED);
    assertThat(r.objects().get(1).attempts()).isEqualTo(2);
  }

  @Test
  void an_answer_slower_than_the_timeout_is_retried_and_reported_applied() {
    proxy.inject("PATCH", A, Fault.SLOW);
    ApplyReport r = apply();
    assertThat(r.objects().get(1).result()).isEqualTo(ApplyResult.APPLIED);
    assertThat(r.objects().get(1).attempts()).isEqualTo(2);
  }

  @Test
  void a_throttled_and_an_unavailable_read_are_retried() {
    proxy.inject("GET", A, Fault.THROTTLE, Fault.UNAVAILABLE);
    ApplyReport r = apply();
    assertThat(r.objects().get(1).result()).isEqualTo(ApplyResult.APPLIED);
    assertThat(r.objects().get(1).attempts()).isEqualTo(3);
  }
}
