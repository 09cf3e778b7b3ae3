package dev.aiinfra.conformance.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiinfra.cli.Main;
import dev.aiinfra.conformance.apiserver.ApiServer;
import dev.aiinfra.conformance.apiserver.ApiServerSummary;
import dev.aiinfra.conformance.apiserver.RealApiServer;
import dev.aiinfra.core.json.Json;
import dev.aiinfra.core.render.ManifestBundle;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ai-infra snapshot} against a real kube-apiserver: the objects of the CLI's own fixtures
 * (Nodes, Pods, PodGroups, ResourceSlices, DeviceClasses, ResourceClaims and templates) are created
 * on the server, {@code ai-infra snapshot} reads them back, and {@code gang place} / {@code dra
 * allocate} over the snapshot must answer exactly as over the original files (same exit code, same
 * JSON). One scenario at a time: the server holds only that scenario's objects while it runs.
 */
@RealApiServer
class SnapshotRoundTripApiServerTest {
  private static final Path FIXTURES = Path.of(System.getProperty("ai-infra.conformance.dir", "."))
      .resolve("../ai-infra-cli/src/test/resources").normalize();
  private static final AtomicInteger PASSED = new AtomicInteger();
  private static final AtomicInteger RAN = new AtomicInteger();
  private static volatile String version = "";

  @TempDir Path dir;

  /** The golden cases of the CLI whose inputs are all cluster state (nothing a controller must expand). */
  static Stream<Arguments> scenarios() {
    return Stream.of(
        Arguments.of("native pod group", List.of("gang/nodes.yaml", "gang/native.yaml"), List.of("gang", "place")),
        Arguments.of("a pod's claims from a template", List.of("dra/cluster.yaml", "dra/pod.yaml"), List.of("dra", "allocate")),
        Arguments.of("a pod's claims on node-b", List.of("dra/cluster.yaml", "dra/pod.yaml"), List.of("dra", "allocate", "--node", "node-b")),
        Arguments.of("a claim", List.of("dra/cluster.yaml", "dra/two-gpus.yaml"), List.of("dra", "allocate")),
        Arguments.of("allocated devices are held", List.of("dra/cluster.yaml", "dra/allocated.yaml", "dra/two-gpus.yaml"), List.of("dra", "allocate")),
        Arguments.of("a CEL runtime error", List.of("dra/cluster.yaml", "dra/bad-cel.yaml"), List.of("dra", "allocate")));
  }

  @AfterAll
  static void summary() {
    if (RAN.get() > 0) {
      ApiServerSummary.append("SNAPSHOT-ROUNDTRIP: " + PASSED.get() + "/" + RAN.get()
          + " scenarios answer the same over the snapshot as over the files (server " + version + ")");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void the_snapshot_answers_as_the_files_do(String scenario, List<String> files, List<String> command, ApiServer server) throws IOException {
    RAN.incrementAndGet();
    version = server.version();
    KubernetesClient c = server.client();
    List<Path> originals = files.stream().map(FIXTURES::resolve).toList();
    List<HasMetadata> objects = new ArrayList<>();
    for (Path f : originals) {
      try (InputStream in = Files.newInputStream(f)) {
        objects.addAll(c.load(in).items());
      }
    }
    // Pods may not request an extended resource without the same limit: a real server refuses them.
    objects.forEach(SnapshotRoundTripApiServerTest::limitExtendedResources);
    Path accepted = dir.resolve("as-created.yaml");
    Files.writeString(accepted, ManifestBundle.of(objects).toYaml());
    List<HasMetadata> created = new ArrayList<>();
    try {
      create(server, objects, created);
      Cli snap = Cli.run("snapshot", "--kubeconfig", server.kubeconfig().toString());
      assertThat(snap.exit).as(snap.err).isZero();
      // kept for a person to look at: target/apiserver/snapshots/<scenario>.yaml
      Path snapshot = ApiServerSummary.outputDir().resolve("snapshots").resolve(scenario.replaceAll("[^a-zA-Z0-9]+", "-") + ".yaml");
      Files.createDirectories(snapshot.getParent());
      Files.writeString(snapshot, snap.out);
      assertThat(keys(c, snapshot)).as("objects in the snapshot").isEqualTo(keys(created));

      Cli overFiles = answer(command, originals);
      Cli overCreated = answer(command, List.of(accepted));
      Cli overSnapshot = answer(command, List.of(snapshot));
      Files.writeString(snapshot.resolveSibling(snapshot.getFileName() + ".answers.txt"),
          "over the files:\n" + overFiles + "\nover the objects as created:\n" + overCreated + "\nover the snapshot:\n" + overSnapshot + "\n");
      assertThat(overFiles.exit).as(overFiles.err).isIn(0, 1);
      assertThat(overCreated.json()).as("answer over the objects as created vs the original files").isEqualTo(overFiles.json());
      assertThat(overSnapshot.exit).as("exit over the snapshot; stderr: " + overSnapshot.err).isEqualTo(overFiles.exit);
      assertThat(overSnapshot.json()).as("answer over the snapshot vs the original files").isEqualTo(overFiles.json());
      PASSED.incrementAndGet();
    } finally {
      delete(c, created);
    }
  }

  private static Cli answer(List<String> command, List<Path> files) {
    List<String> args = new ArrayList<>(command);
    files.forEach(f -> {
      args.add("-f");
      args.add(f.toString());
    });
    args.add("-o");
    args.add("json");
    return Cli.run(args.toArray(String[]::new));
  }

  private static void limitExtendedResources(HasMetadata o) {
    if (o instanceof Pod p) {
      for (Container ct : p.getSpec().getContainers()) {
        if (ct.getResources() == null || ct.getResources().getRequests() == null) {
          continue;
        }
        Map<String, Quantity> limits = ct.getResources().getLimits() == null ? new HashMap<>() : new HashMap<>(ct.getResources().getLimits());
        ct.getResources().getRequests().forEach((name, q) -> {
          if (name.contains("/") && !name.startsWith("kubernetes.io/")) {
            limits.putIfAbsent(name, q);
          }
        });
        ct.getResources().setLimits(limits);
      }
    }
  }

  /** Creates the objects in apply order, with the status the offline commands read (allocatable, allocations). */
  private static void create(ApiServer server, List<HasMetadata> objects, List<HasMetadata> created) {
    KubernetesClient c = server.client();
    for (HasMetadata o : ManifestBundle.of(objects).objects()) {
      if (o.getMetadata().getNamespace() == null && isNamespaced(o)) {
        o.getMetadata().setNamespace("default");
      }
      if (o.getMetadata().getNamespace() != null) {
        server.ensureNamespace(o.getMetadata().getNamespace());
      }
      HasMetadata made = c.resource(o).create();
      created.add(made);
      if (o instanceof Node n) {
        becomeReady(c, n, (Node) made);
      }
      if (o instanceof ResourceClaim rc && rc.getStatus() != null && rc.getStatus().getAllocation() != null) {
        rc.getMetadata().setResourceVersion(made.getMetadata().getResourceVersion());
        c.resource(rc).updateStatus();
      }
    }
  }

  /**
   * What the kubelet and the node lifecycle controller do for a node on a real cluster, neither of
   * which runs here: report its status (allocatable, Ready) and lift the {@code not-ready} taint
   * that admission (TaintNodesByCondition) puts on every new node. Without this the snapshot
   * rightly shows nodes no pod can be scheduled on.
   */
  private static void becomeReady(KubernetesClient c, Node wanted, Node made) {
    NodeStatus status = wanted.getStatus() == null ? new NodeStatus() : wanted.getStatus();
    if (status.getConditions() == null || status.getConditions().stream().noneMatch(x -> "Ready".equals(x.getType()))) {
      List<NodeCondition> conditions = status.getConditions() == null ? new ArrayList<>() : new ArrayList<>(status.getConditions());
      conditions.add(new NodeConditionBuilder().withType("Ready").withStatus("True").withReason("KubeletReady").build());
      status.setConditions(conditions);
    }
    made.setStatus(status);
    Node reported = c.resource(made).updateStatus();
    List<Taint> fromFile = wanted.getSpec() == null || wanted.getSpec().getTaints() == null ? List.of() : wanted.getSpec().getTaints();
    List<Taint> taints = reported.getSpec().getTaints() == null ? List.of() : reported.getSpec().getTaints();
    List<Taint> kept = taints.stream()
        .filter(t -> !"node.kubernetes.io/not-ready".equals(t.getKey()) || fromFile.stream().anyMatch(f -> f.getKey().equals(t.getKey())))
        .toList();
    if (kept.size() != taints.size()) {
      reported.getSpec().setTaints(kept);
      c.resource(reported).update();
    }
  }

  private static boolean isNamespaced(HasMetadata o) {
    return Set.of("Pod", "ResourceClaim", "ResourceClaimTemplate", "PodGroup", "Workload").contains(o.getKind());
  }

  /** Deletes what a scenario created; no controller runs here to remove finalizers, so they are cleared. */
  private static void delete(KubernetesClient c, List<HasMetadata> created) {
    for (HasMetadata o : created) {
      try {
        c.resource(o).withGracePeriod(0).delete();
        HasMetadata left = c.resource(o).get();
        if (left != null && left.getMetadata().getFinalizers() != null && !left.getMetadata().getFinalizers().isEmpty()) {
          System.out.println("[snapshot] clearing finalizers " + left.getMetadata().getFinalizers() + " of " + ManifestBundle.keyOf(o));
          left.getMetadata().setFinalizers(List.of());
          c.resource(left).update();
        }
      } catch (RuntimeException e) {
        System.out.println("[snapshot] could not delete " + ManifestBundle.keyOf(o) + ": " + e.getMessage());
      }
    }
  }

  private static Set<String> keys(List<HasMetadata> objects) {
    return objects.stream().map(o -> ManifestBundle.keyOf(o).toString()).collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> keys(KubernetesClient c, Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return keys(c.load(in).items());
    }
  }

  /** One in-process run of {@code ai-infra}. */
  private record Cli(int exit, String out, String err) {
    static Cli run(String... args) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code;
      try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
        code = Main.run(args, new ByteArrayInputStream(new byte[0]), o, e);
      }
      return new Cli(code, out.toString(), err.toString());
    }

    JsonNode json() {
      try {
        return Json.mapper().readTree(out);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON (exit " + exit + ", stderr " + err + "): " + out, e);
      }
    }
  }
}
