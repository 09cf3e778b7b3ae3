package dev.aiinfra.conformance.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiinfra.cli.Main;
import dev.aiinfra.conformance.apiserver.ApiServer;
import dev.aiinfra.conformance.apiserver.ApiServerSummary;
import dev.aiinfra.conformance.apiserver.RealApiServer;
import dev.aiinfra.core.cluster.ApplyOptions;
import dev.aiinfra.core.cluster.ApplyOutcome;
import dev.aiinfra.core.cluster.ApplyReport;
import dev.aiinfra.core.cluster.ApplyResult;
import dev.aiinfra.core.cluster.DryRun;
import dev.aiinfra.core.cluster.FaultProxy;
import dev.aiinfra.core.cluster.FaultProxy.Fault;
import dev.aiinfra.core.cluster.ServerSideApply;
import dev.aiinfra.core.json.Json;
import dev.aiinfra.core.render.ManifestBundle;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code ai-infra apply}'s library ({@link ServerSideApply}) against a real kube-apiserver: the
 * outcomes it reports are what the server did, conflicts between field managers, dry runs, apply
 * order with a CRD and its resources, and faults injected by a {@link FaultProxy} in front of the
 * server (retried with backoff, an exact report, no object sent twice with different content,
 * nothing half-applied). Each case uses its own namespace.
 */
@RealApiServer
class ServerSideApplyApiServerTest {
  @RegisterExtension static final ApiServerCaseTally TALLY = new ApiServerCaseTally();
  private static final AtomicInteger NAMESPACES = new AtomicInteger();
  private static volatile String version = "";

  private final List<Duration> slept = Collections.synchronizedList(new ArrayList<>());

  @AfterAll
  static void summary() {
    if (TALLY.ran() > 0) {
      ApiServerSummary.append("APPLY: " + TALLY.passed() + "/" + TALLY.ran() + " cases (server " + version + ")");
    }
  }

  /** Backoff short enough for a test; the waits really happen, and are recorded. */
  private ApplyOptions options() {
    return ApplyOptions.builder()
        .initialBackoff(Duration.ofMillis(50))
        .maxBackoff(Duration.ofMillis(400))
        .sleeper(d -> {
          slept.add(d);
          Thread.sleep(d.toMillis());
        })
        .build();
  }

  private static String namespace(ApiServer server, String purpose) {
    version = server.version();
    return "apply-" + purpose + "-" + NAMESPACES.incrementAndGet();
  }

  private static Namespace ns(String name) {
    return new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build();
  }

  private static ConfigMap config(String ns, String name, String value) {
    return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(ns).endMetadata().addToData("k", value).build();
  }

  private static ManifestBundle bundle(String ns, String value, String... names) {
    List<HasMetadata> objects = new ArrayList<>();
    objects.add(ns(ns));
    for (String n : names) {
      objects.add(config(ns, n, value));
    }
    return ManifestBundle.of(objects);
  }

  private static String data(KubernetesClient c, String ns, String name) {
    ConfigMap cm = c.configMaps().inNamespace(ns).withName(name).get();
    return cm == null ? null : cm.getData().get("k");
  }

  private static String resourceVersion(KubernetesClient c, String ns, String name) {
    return c.configMaps().inNamespace(ns).withName(name).get().getMetadata().getResourceVersion();
  }

  @Test
  void a_first_apply_creates_every_object_and_reports_it_applied(ApiServer server) {
    String ns = namespace(server, "first");
    ApplyReport r = ServerSideApply.using(server.client(), options()).apply(bundle(ns, "1", "a", "b"));
    assertThat(r.objects()).extracting(ApplyOutcome::kind, ApplyOutcome::name, ApplyOutcome::result).containsExactly(
        tuple("Namespace", ns, ApplyResult.APPLIED),
        tuple("ConfigMap", "a", ApplyResult.APPLIED),
        tuple("ConfigMap", "b", ApplyResult.APPLIED));
    assertThat(data(server.client(), ns, "b")).isEqualTo("1");
  }

  @Test
  void a_second_identical_apply_is_unchanged_and_the_server_writes_nothing(ApiServer server) {
    String ns = namespace(server, "again");
    ServerSideApply ssa = ServerSideApply.using(server.client(), options());
    ssa.apply(bundle(ns, "1", "a", "b"));
    String before = resourceVersion(server.client(), ns, "a");
    ApplyReport r = ssa.apply(bundle(ns, "1", "a", "b"));
    assertThat(r.objects()).extracting(ApplyOutcome::result).containsOnly(ApplyResult.UNCHANGED);
    assertThat(resourceVersion(server.client(), ns, "a")).isEqualTo(before);
  }

  @Test
  void a_changed_object_is_applied_and_the_others_are_unchanged(ApiServer server) {
    String ns = namespace(server, "change");
    ServerSideApply ssa = ServerSideApply.using(server.client(), options());
    ssa.apply(bundle(ns, "1", "a", "b"));
    ApplyReport r = ssa.apply(ManifestBundle.of(ns(ns), config(ns, "a", "1"), config(ns, "b", "2")));
    assertThat(r.objects()).extracting(ApplyOutcome::result)
        .containsExactly(ApplyResult.UNCHANGED, ApplyResult.UNCHANGED, ApplyResult.APPLIED);
    assertThat(data(server.client(), ns, "b")).isEqualTo("2");
  }

  /** Another team takes over {@code data.k} of b with its own field manager. */
  private static void otherManagerTakesOver(ApiServer server, String ns) {
    server.client().resource(config(ns, "b", "theirs")).fieldManager("other-team").forceConflicts().serverSideApply();
  }

  @Test
  void a_field_owned_by_another_manager_is_a_conflict_reported_for_that_object_only(ApiServer server) {
    String ns = namespace(server, "conflict");
    ServerSideApply ssa = ServerSideApply.using(server.client(), options());
    ssa.apply(bundle(ns, "1", "a", "b", "c"));
    otherManagerTakesOver(server, ns);
    ApplyReport r = ssa.apply(bundle(ns, "1", "a", "b", "c"));
    assertThat(r.objects()).extracting(ApplyOutcome::name, ApplyOutcome::result).containsExactly(
        tuple(ns, ApplyResult.UNCHANGED),
        tuple("a", ApplyResult.UNCHANGED),
        tuple("b", ApplyResult.FAILED),
        tuple("c", ApplyResult.SKIPPED));
    assertThat(r.objects().get(2).reason()).hasValueSatisfying(reason -> assertThat(reason)
        .startsWith("HTTP 409: ")
        .contains("conflict with \"other-team\"", ".data.k", "--force-conflicts"));
    assertThat(r.objects().get(2).attempts()).isEqualTo(1);
    assertThat(r.objects().get(3).reason()).hasValue("not attempted: ConfigMap " + ns + "/b failed");
    assertThat(r.objects().stream().filter(o -> o.reason().orElse("").contains("409"))).hasSize(1);
    assertThat(data(server.client(), ns, "b")).isEqualTo("theirs");
  }

  @Test
  void force_conflicts_takes_the_field_back(ApiServer server) {
    String ns = namespace(server, "force");
    ServerSideApply.using(server.client(), options()).apply(bundle(ns, "1", "a", "b", "c"));
    otherManagerTakesOver(server, ns);
    ApplyReport r = ServerSideApply.using(server.client(), options().withForceConflicts(true)).apply(bundle(ns, "1", "a", "b", "c"));
    assertThat(r.objects()).extracting(ApplyOutcome::name, ApplyOutcome::result).containsExactly(
        tuple(ns, ApplyResult.UNCHANGED),
        tuple("a", ApplyResult.UNCHANGED),
        tuple("b", ApplyResult.APPLIED),
        tuple("c", ApplyResult.UNCHANGED));
    assertThat(data(server.client(), ns, "b")).isEqualTo("1");
    assertThat(server.client().configMaps().inNamespace(ns).withName("b").get().getMetadata().getManagedFields())
        .filteredOn(f -> f.getFieldsV1() != null && f.getFieldsV1().toString().contains("f:k"))
        .extracting(f -> f.getManager())
        .containsExactly("ai-infra");
  }

  @Test
  void a_server_dry_run_reports_what_would_change_and_changes_nothing(ApiServer server) {
    String ns = namespace(server, "dryrun");
    ServerSideApply.using(server.client(), options()).apply(bundle(ns, "1", "a"));
    String before = resourceVersion(server.client(), ns, "a");
    ApplyReport r = ServerSideApply.using(server.client(), options().withDryRun(DryRun.SERVER))
        .apply(ManifestBundle.of(ns(ns), config(ns, "a", "2"), config(ns, "new", "1")));
    assertThat(r.objects()).extracting(ApplyOutcome::result)
        .containsExactly(ApplyResult.UNCHANGED, ApplyResult.APPLIED, ApplyResult.APPLIED);
    assertThat(data(server.client(), ns, "a")).isEqualTo("1");
    assertThat(resourceVersion(server.client(), ns, "a")).isEqualTo(before);
    assertThat(server.client().configMaps().inNamespace(ns).withName("new").get()).isNull();
  }

  @Test
  void a_server_dry_run_of_a_new_namespace_creates_nothing_and_says_what_it_could_not_check(ApiServer server) {
    String ns = namespace(server, "dryrun-new");
    ApplyReport r = ServerSideApply.using(server.client(), options().withDryRun(DryRun.SERVER)).apply(bundle(ns, "1", "a"));
    assertThat(r.succeeded()).isTrue();
    assertThat(r.objects()).extracting(ApplyOutcome::result).containsExactly(ApplyResult.APPLIED, ApplyResult.SKIPPED);
    assertThat(r.objects().get(1).reason()).hasValue("not checked: Namespace " + ns + " is created by this apply, which a dry run does not do");
    assertThat(server.client().namespaces().withName(ns).get()).isNull();
  }

  private static CustomResourceDefinition gizmoDefinition() {
    return new CustomResourceDefinitionBuilder()
        .withNewMetadata().withName("gizmos.apply-test.ai-infra.dev").endMetadata()
        .withNewSpec().withGroup("apply-test.ai-infra.dev").withScope("Namespaced")
        .withNewNames().withKind("Gizmo").withPlural("gizmos").withSingular("gizmo").withListKind("GizmoList").endNames()
        .addNewVersion().withName("v1").withServed(true).withStorage(true)
        .withNewSchema().withNewOpenAPIV3Schema().withType("object")
        .addToProperties("spec", new io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder()
            .withType("object")
            .addToProperties("size", new io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder().withType("integer").build())
            .build())
        .endOpenAPIV3Schema().endSchema()
        .endVersion()
        .endSpec()
        .build();
  }

  private static GenericKubernetesResource gizmo(String ns) {
    return new GenericKubernetesResourceBuilder().withApiVersion("apply-test.ai-infra.dev/v1").withKind("Gizmo")
        .withNewMetadata().withName("g").withNamespace(ns).endMetadata()
        .withAdditionalProperties(Map.of("spec", Map.of("size", 3))).build();
  }

  @Test
  void the_definition_comes_before_its_resources_and_the_namespace_before_what_lives_in_it(ApiServer server) {
    String ns = namespace(server, "order");
    KubernetesClient c = server.client();
    try {
      // given in the worst order: the custom resource first, the namespace last
      ApplyReport r = ServerSideApply.using(c, options())
          .apply(ManifestBundle.of(gizmo(ns), config(ns, "a", "1"), gizmoDefinition(), ns(ns)));
      assertThat(r.objects()).extracting(ApplyOutcome::kind, ApplyOutcome::result).containsExactly(
          tuple("Namespace", ApplyResult.APPLIED),
          tuple("CustomResourceDefinition", ApplyResult.APPLIED),
          tuple("ConfigMap", ApplyResult.APPLIED),
          tuple("Gizmo", ApplyResult.APPLIED));
      GenericKubernetesResource stored = c.genericKubernetesResources("apply-test.ai-infra.dev/v1", "Gizmo").inNamespace(ns).withName("g").get();
      assertThat(stored.<Integer>get("spec", "size")).isEqualTo(3);
      ApplyReport again = ServerSideApply.using(c, options()).apply(ManifestBundle.of(gizmo(ns), config(ns, "a", "1"), gizmoDefinition(), ns(ns)));
      assertThat(again.objects()).extracting(ApplyOutcome::result).containsOnly(ApplyResult.UNCHANGED);
    } finally {
      c.resource(gizmoDefinition()).delete();
    }
  }

  @Test
  void the_apply_command_applies_then_reports_unchanged_with_the_servers_kubeconfig(ApiServer server, @TempDir Path dir) throws Exception {
    String ns = namespace(server, "cli");
    Path manifests = dir.resolve("manifests.yaml");
    Files.writeString(manifests, String.join("\n",
        "apiVersion: scheduling.k8s.io/v1alpha2",
        "kind: PodGroup",
        "metadata: {name: infer, namespace: " + ns + "}",
        "spec:",
        "  schedulingPolicy: {gang: {minCount: 2}}",
        "---",
        "apiVersion: v1",
        "kind: ConfigMap",
        "metadata: {name: settings, namespace: " + ns + "}",
        "data: {k: v}",
        "---",
        "apiVersion: v1",
        "kind: Namespace",
        "metadata: {name: " + ns + "}",
        ""));
    String[] args = {"apply", "-f", manifests.toString(), "--kubeconfig", server.kubeconfig().toString(), "-o", "json"};
    JsonNode first = cli(args);
    assertThat(first.path("objects")).extracting(o -> o.path("kind").asText() + " " + o.path("result").asText())
        .containsExactly("Namespace applied", "ConfigMap applied", "PodGroup applied");
    JsonNode second = cli(args);
    assertThat(second.path("objects")).extracting(o -> o.path("result").asText()).containsOnly("unchanged");
    GenericKubernetesResource group = server.client().genericKubernetesResources("scheduling.k8s.io/v1alpha2", "PodGroup")
        .inNamespace(ns).withName("infer").get();
    assertThat(group.<Integer>get("spec", "schedulingPolicy", "gang", "minCount")).isEqualTo(2);
    // a snapshot taken later by another test must not see it; no controller removes its finalizer here
    group.getMetadata().setFinalizers(List.of());
    server.client().resource(group).update();
    server.client().resource(group).delete();
  }

  private static JsonNode cli(String... args) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
      code = Main.run(args, new ByteArrayInputStream(new byte[0]), o, e);
    }
    assertThat(code).as("exit of ai-infra %s; stderr: %s", String.join(" ", args), err).isZero();
    return Json.mapper().readTree(out.toString());
  }

  // ---- faults, through a proxy in front of the real server ----

  private static final String CONFIGMAPS = "/api/v1/namespaces/";

  @ParameterizedTest
  @EnumSource(Fault.class)
  void a_fault_under_a_create_is_retried_and_the_object_reported_applied_then_unchanged(Fault fault, ApiServer server) {
    String ns = namespace(server, "fault-" + fault.name().toLowerCase().replace('_', '-'));
    server.ensureNamespace(ns);
    try (ProxiedServer p = new ProxiedServer(server)) {
      String path = CONFIGMAPS + ns + "/configmaps/a";
      p.proxy.inject("PATCH", path, fault);
      ApplyReport first = ServerSideApply.using(p.client, options()).apply(ManifestBundle.of(config(ns, "a", "1")));
      assertThat(first.objects()).extracting(ApplyOutcome::result, ApplyOutcome::attempts).containsExactly(tuple(ApplyResult.APPLIED, 2));
      p.proxy.inject("PATCH", path, fault);
      ApplyReport second = ServerSideApply.using(p.client, options()).apply(ManifestBundle.of(config(ns, "a", "1")));
      assertThat(second.objects()).extracting(ApplyOutcome::result, ApplyOutcome::attempts).containsExactly(tuple(ApplyResult.UNCHANGED, 2));
      assertThat(p.proxy.allFaultsUsed()).isTrue();
      assertThat(data(server.client(), ns, "a")).isEqualTo("1");
      if (fault == Fault.THROTTLE) {
        assertThat(slept).contains(Duration.ofSeconds(1)); // Retry-After: 1, longer than the first backoff
      }
    }
  }

  @Test
  void a_read_that_is_throttled_unavailable_and_reset_is_retried_with_growing_backoff(ApiServer server) {
    String ns = namespace(server, "read-faults");
    server.ensureNamespace(ns);
    try (ProxiedServer p = new ProxiedServer(server)) {
      p.proxy.inject("GET", CONFIGMAPS + ns + "/configmaps/a", Fault.UNAVAILABLE, Fault.RESET_BEFORE_SERVING, Fault.UNAVAILABLE);
      ApplyReport r = ServerSideApply.using(p.client, options()).apply(ManifestBundle.of(config(ns, "a", "1")));
      assertThat(r.objects()).extracting(ApplyOutcome::result, ApplyOutcome::attempts).containsExactly(tuple(ApplyResult.APPLIED, 4));
      assertThat(slept).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200));
    }
  }

  @Test
  void under_a_storm_of_faults_the_report_is_exact_and_no_object_is_sent_with_different_content(ApiServer server) {
    String ns = namespace(server, "storm");
    server.ensureNamespace(ns);
    Fault[] faults = Fault.values();
    List<String> names = new ArrayList<>();
    try (ProxiedServer p = new ProxiedServer(server)) {
      ManifestBundle.Builder b = ManifestBundle.builder();
      for (int i = 0; i < faults.length * 2; i++) {
        String name = "cm-" + i;
        names.add(name);
        b.add(config(ns, name, "v" + i));
        // every object meets two faults: one on its read, one on its apply
        p.proxy.inject("GET", CONFIGMAPS + ns + "/configmaps/" + name + "", faults[i % faults.length] == Fault.SLOW ? Fault.UNAVAILABLE : faults[i % faults.length]);
        p.proxy.inject("PATCH", CONFIGMAPS + ns + "/configmaps/" + name + "?", faults[(i + 1) % faults.length]);
      }
      ManifestBundle bundle = b.build();
      ApplyReport r = ServerSideApply.using(p.client, options()).apply(bundle);
      assertThat(r.objects()).extracting(ApplyOutcome::result).containsOnly(ApplyResult.APPLIED);
      assertThat(r.objects()).extracting(ApplyOutcome::attempts).containsOnly(3);
      assertThat(p.proxy.allFaultsUsed()).isTrue();
      for (int i = 0; i < names.size(); i++) {
        assertThat(data(server.client(), ns, names.get(i))).isEqualTo("v" + i);
      }
      Map<String, List<String>> bodiesByObject = p.proxy.log().stream()
          .filter(e -> e.method().equals("PATCH") && e.forwarded())
          .collect(Collectors.groupingBy(e -> e.path().substring(0, e.path().indexOf('?')),
              Collectors.mapping(FaultProxy.Exchange::body, Collectors.toList())));
      assertThat(bodiesByObject).hasSize(names.size());
      bodiesByObject.forEach((object, bodies) -> assertThat(bodies.stream().distinct()).as(object).hasSize(1));
    }
  }

  @Test
  void a_refused_object_stops_the_apply_and_nothing_after_it_reaches_the_server(ApiServer server) {
    String ns = namespace(server, "refused");
    ConfigMap invalid = config(ns, "Not_A_DNS_Name", "1");
    ApplyReport r = ServerSideApply.using(server.client(), options())
        .apply(ManifestBundle.of(ns(ns), config(ns, "a", "1"), invalid, config(ns, "z", "1")));
    assertThat(r.objects()).extracting(ApplyOutcome::result)
        .containsExactly(ApplyResult.APPLIED, ApplyResult.APPLIED, ApplyResult.FAILED, ApplyResult.SKIPPED);
    assertThat(r.objects().get(2).reason()).hasValueSatisfying(reason -> assertThat(reason).startsWith("HTTP 422: "));
    assertThat(r.objects().get(2).attempts()).isEqualTo(1);
    assertThat(server.client().configMaps().inNamespace(ns).withName("z").get()).isNull();
  }

  @Test
  void a_server_unavailable_past_the_budget_fails_that_object_and_nothing_after_it_is_applied(ApiServer server) {
    String ns = namespace(server, "budget");
    server.ensureNamespace(ns);
    try (ProxiedServer p = new ProxiedServer(server)) {
      p.proxy.inject("PATCH", CONFIGMAPS + ns + "/configmaps/b", Fault.UNAVAILABLE, Fault.UNAVAILABLE, Fault.UNAVAILABLE);
      ApplyReport r = ServerSideApply.using(p.client, options().withMaxAttempts(3))
          .apply(ManifestBundle.of(config(ns, "a", "1"), config(ns, "b", "1"), config(ns, "c", "1")));
      assertThat(r.objects()).extracting(ApplyOutcome::result)
          .containsExactly(ApplyResult.APPLIED, ApplyResult.FAILED, ApplyResult.SKIPPED);
      assertThat(r.objects().get(1).reason()).hasValueSatisfying(reason -> assertThat(reason).startsWith("gave up after 3 attempts: HTTP 503"));
      assertThat(server.client().configMaps().inNamespace(ns).withName("b").get()).isNull();
      assertThat(server.client().configMaps().inNamespace(ns).withName("c").get()).isNull();
    }
  }
}
