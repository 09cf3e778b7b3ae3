package dev.aiinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apply} and {@code snapshot} without a kubeconfig say so and where they looked, not
 * "kubernetes.default.svc: Name or service not known" (issue 15, defect 7). The kubeconfig is
 * pointed nowhere through the system properties fabric8 reads before the environment.
 */
class NoKubeconfigTest {
  private static final String[] PROPERTIES = {"kubeconfig", "kubernetes.auth.tryServiceAccount"};
  private final Map<String, String> saved = new HashMap<>();
  @TempDir Path dir;
  private Path missing;
  private String manifests;

  @BeforeEach
  void pointKubeconfigNowhere() throws IOException {
    // an API server URL in the environment names a cluster without any kubeconfig
    assumeTrue(System.getenv("KUBERNETES_MASTER") == null || System.getenv("KUBERNETES_MASTER").isEmpty());
    for (String p : PROPERTIES) {
      saved.put(p, System.getProperty(p));
    }
    missing = dir.resolve("nowhere").resolve("config");
    System.setProperty("kubeconfig", missing.toString());
    // in a CI pod KUBERNETES_SERVICE_HOST is set: keep the in-cluster path out of this test
    System.setProperty("kubernetes.auth.tryServiceAccount", "false");
    manifests = dir.resolve("cm.yaml").toString();
    Files.writeString(Path.of(manifests), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: default}\n");
  }

  @AfterEach
  void restore() {
    saved.forEach((k, v) -> {
      if (v == null) {
        System.clearProperty(k);
      } else {
        System.setProperty(k, v);
      }
    });
  }

  @Test
  void apply_without_a_kubeconfig_says_where_it_looked() {
    CliRun r = CliRun.run("apply", "-f", manifests);
    assertThat(r.exit).as(r.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err).isEqualTo("error: no kubeconfig found: KUBECONFIG=" + missing + ": no such file;"
        + " in-cluster configuration not tried (kubernetes.auth.tryServiceAccount is not true); give --kubeconfig FILE or set KUBECONFIG\n");
    assertThat(r.err).doesNotContain("kubernetes.default.svc");
  }

  @Test
  void snapshot_without_a_kubeconfig_says_the_same() {
    CliRun r = CliRun.run("snapshot");
    assertThat(r.exit).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err).startsWith("error: no kubeconfig found: ");
  }

  @Test
  void a_missing_kubeconfig_flag_file_is_named() {
    CliRun r = CliRun.run("apply", "-f", manifests, "--kubeconfig", missing.toString());
    assertThat(r.exit).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err).isEqualTo("error: --kubeconfig " + missing + ": no such file\n");
  }
}
