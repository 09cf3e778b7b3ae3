package dev.aiinfra.cli.golden;

import dev.aiinfra.cli.CliRun;
import dev.aiinfra.core.cluster.ApplyAwareMockServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every command's JSON result, exit code included, equals its golden file (issue 15: each JSON
 * contract pinned in one place). The cases are {@link GoldenCases}; the layout and the update switch
 * are described in {@code src/test/resources/golden-json/README.md}.
 */
class GoldenJsonTest {

  @TestFactory
  Stream<DynamicTest> each_command_prints_its_golden_json() {
    return GoldenCases.all().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> GoldenJson.assertMatches(c, run(c))));
  }

  private static String run(GoldenCase c) throws IOException {
    if (c.cluster().isEmpty()) {
      GoldenInputs in = new GoldenInputs(c, null);
      return GoldenJson.of(CliRun.withStdin(c.stdin(), c.args().apply(in).toArray(String[]::new)), in.placeholders());
    }
    ApplyAwareMockServer server = ApplyAwareMockServer.create();
    Path dir = Files.createTempDirectory("golden-json-cluster");
    try (KubernetesClient client = server.client()) {
      c.cluster().get().accept(server);
      String url = client.getConfiguration().getMasterUrl();
      Path kubeconfig = dir.resolve("kubeconfig");
      Files.writeString(kubeconfig, kubeconfig(url));
      GoldenInputs in = new GoldenInputs(c, kubeconfig.toString());
      Map<String, String> placeholders = new LinkedHashMap<>(in.placeholders());
      // the mock server listens on a free port
      placeholders.put(url.replaceAll("/+$", ""), "<server>");
      return GoldenJson.of(CliRun.withStdin(c.stdin(), c.args().apply(in).toArray(String[]::new)), placeholders);
    } finally {
      server.destroy();
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static String kubeconfig(String server) {
    return "apiVersion: v1\nkind: Config\nclusters:\n- name: mock\n  cluster:\n    server: " + server + "\n    insecure-skip-tls-verify: true\n"
        + "users:\n- name: u\n  user:\n    token: t\ncontexts:\n- name: c\n  context:\n    cluster: mock\n    user: u\n    namespace: default\n"
        + "current-context: c\n";
  }
}
