package dev.aiinfra.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.render.ManifestBundle;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A CRD and its custom resources in one bundle: the CRs wait for the CRD, as a real API server needs. */
class ServerSideApplyDefinitionsTest {
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

  private static CustomResourceDefinition crd(boolean established) {
    CustomResourceDefinitionBuilder b = new CustomResourceDefinitionBuilder()
        .withNewMetadata().withName("widgets.example.com").endMetadata()
        .withNewSpec().withGroup("example.com").withScope("Namespaced")
        .withNewNames().withKind("Widget").withPlural("widgets").withSingular("widget").withListKind("WidgetList").endNames()
        .addNewVersion().withName("v1").withServed(true).withStorage(true)
        .withNewSchema().withNewOpenAPIV3Schema().withType("object").withXKubernetesPreserveUnknownFields(true).endOpenAPIV3Schema().endSchema()
        .endVersion()
        .endSpec();
    if (established) {
      // the mock stores what it is sent; a real server sets this condition itself
      b.withNewStatus().addNewCondition().withType("Established").withStatus("True").endCondition().endStatus();
    }
    return b.build();
  }

  private static GenericKubernetesResource widget() {
    return new GenericKubernetesResourceBuilder().withApiVersion("example.com/v1").withKind("Widget")
        .withNewMetadata().withName("w").withNamespace("default").endMetadata()
        .withAdditionalProperties(Map.of("spec", Map.of("size", 1))).build();
  }

  private ApplyOptions options() {
    return ApplyOptions.builder().sleeper(slept::add).establishTimeout(Duration.ofSeconds(1)).build();
  }

  @Test
  void a_custom_resource_is_applied_after_its_established_definition() {
    ApplyReport r = ServerSideApply.using(client, options()).apply(ManifestBundle.of(widget(), crd(true)));
    assertThat(r.objects()).extracting(ApplyOutcome::kind, ApplyOutcome::result).containsExactly(
        org.assertj.core.groups.Tuple.tuple("CustomResourceDefinition", ApplyResult.APPLIED),
        org.assertj.core.groups.Tuple.tuple("Widget", ApplyResult.APPLIED));
  }

  @Test
  void a_definition_that_is_never_established_fails_and_its_resources_are_not_attempted() {
    ApplyReport r = ServerSideApply.using(client, options()).apply(ManifestBundle.of(widget(), crd(false)));
    assertThat(r.objects()).extracting(ApplyOutcome::result).containsExactly(ApplyResult.FAILED, ApplyResult.SKIPPED);
    assertThat(r.objects().get(0).reason()).hasValueSatisfying(reason ->
        assertThat(reason).startsWith("applied, but not Established within 1s"));
    assertThat(slept).hasSize(10).containsOnly(CrdEstablishment.POLL);
  }

  @Test
  void a_custom_resource_of_a_kind_nobody_serves_fails_with_an_actionable_reason() {
    ApplyReport r = ServerSideApply.using(client, options()).apply(ManifestBundle.of(widget()));
    assertThat(r.objects().get(0).result()).isEqualTo(ApplyResult.FAILED);
    assertThat(r.objects().get(0).reason()).hasValue(
        "the server does not serve Widget in example.com/v1 (is its CustomResourceDefinition installed, or the API group enabled with --runtime-config?)");
  }

  @Test
  void a_server_dry_run_does_not_check_resources_of_a_definition_it_only_pretends_to_create() {
    ApplyReport r = ServerSideApply.using(client, options().withDryRun(DryRun.SERVER)).apply(ManifestBundle.of(widget(), crd(true)));
    assertThat(r.objects()).extracting(ApplyOutcome::result).containsExactly(ApplyResult.APPLIED, ApplyResult.SKIPPED);
    assertThat(r.objects().get(1).reason())
        .hasValue("not checked: its CustomResourceDefinition is created by this apply, which a dry run does not do");
  }

  @Test
  void a_client_dry_run_reports_resources_of_a_new_definition_applied() {
    ApplyReport r = ServerSideApply.using(client, options().withDryRun(DryRun.CLIENT)).apply(ManifestBundle.of(widget(), crd(true)));
    assertThat(r.objects()).extracting(ApplyOutcome::result).containsExactly(ApplyResult.APPLIED, ApplyResult.APPLIED);
  }
}
