package dev.aiinfra.cli.golden;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where a golden case's input files are: its command's {@code input} folder next to its golden
 * files, or any other test resource (the fixtures the CLI tests share). Paths are absolute so the
 * case runs from any working directory; {@link GoldenJson} turns them back into resource paths.
 */
final class GoldenInputs {
  private final GoldenCase goldenCase;
  private final String kubeconfig;

  GoldenInputs(GoldenCase goldenCase, String kubeconfig) {
    this.goldenCase = goldenCase;
    this.kubeconfig = kubeconfig;
  }

  /** The test classes folder: the root that every input path is made relative to. */
  static Path resourceRoot() {
    URL url = GoldenInputs.class.getClassLoader().getResource("golden-json");
    if (url == null) {
      throw new AssertionError("golden-json is not on the test classpath");
    }
    try {
      return Path.of(url.toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  /** A file of this command's {@code input} folder, e.g. {@code golden-json/cgroup/pod/input/NAME}. */
  String file(String name) {
    return resource(goldenCase.folder() + "/input/" + name);
  }

  /** Any test resource, e.g. {@code dra/cluster.yaml}. */
  String resource(String path) {
    Path p = resourceRoot().resolve(path);
    if (!Files.exists(p)) {
      throw new AssertionError("golden case " + goldenCase + ": no test resource " + path);
    }
    return p.toString();
  }

  /** The kubeconfig of the mock server (only for cases built with {@code onCluster}). */
  String kubeconfig() {
    if (kubeconfig == null) {
      throw new AssertionError("golden case " + goldenCase + " needs a cluster: build it with onCluster(...)");
    }
    return kubeconfig;
  }

  /**
   * Machine-dependent text and what stands for it in a golden file: the absolute test-resources
   * folder (input paths become resource paths like {@code dra/cluster.yaml}) and the build version.
   */
  Map<String, String> placeholders() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put(resourceRoot() + File.separator, "");
    p.put(buildVersion(), "<version>");
    return p;
  }

  /** The version {@code ai-infra version} prints: the Maven project version, filtered in at build time. */
  private static String buildVersion() {
    try (InputStream in = GoldenInputs.class.getResourceAsStream("/dev/aiinfra/cli/version.properties")) {
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
