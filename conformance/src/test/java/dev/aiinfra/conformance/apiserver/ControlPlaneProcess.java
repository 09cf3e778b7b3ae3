package dev.aiinfra.conformance.apiserver;

import dev.aiinfra.core.model.profile.FeatureGate;
import dev.aiinfra.core.model.profile.FeatureStage;
import dev.aiinfra.core.model.profile.KubernetesVersion;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The {@code controlplane} binary as a child process: started with the CRDs of
 * {@code ../shared/crds} and the feature gates of the newest profile it can run, ready once it
 * prints its {@code controlplane: ready ...} line, stopped by SIGTERM on {@link #close()} (it also
 * stops by itself when this JVM goes away, because its stdin closes).
 */
final class ControlPlaneProcess implements ApiServer, AutoCloseable {
  /** The release of k8s.io/kubernetes in conformance/go.mod: its gates are switched on. */
  static final KubernetesVersion SERVER_PROFILE = KubernetesVersion.V1_36;

  private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

  private final Process process;
  private final Path log;
  private final String url;
  private final Path kubeconfig;
  private final String version;
  private final KubernetesClient client;

  private ControlPlaneProcess(Process process, Path log, String url, Path kubeconfig, String version) throws IOException {
    this.process = process;
    this.log = log;
    this.url = url;
    this.kubeconfig = kubeconfig;
    this.version = version;
    Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
    // Dry runs of hundreds of objects: no client-side throttling games, generous timeouts.
    config.setRequestTimeout(60_000);
    this.client = new KubernetesClientBuilder().withConfig(config).build();
  }

  static ControlPlaneProcess start(Path binary, Path crds, Path outputDir) {
    try {
      Files.createDirectories(outputDir);
      Path log = outputDir.resolve("controlplane.log");
      Path kubeconfig = outputDir.resolve("kubeconfig");
      List<String> command = new ArrayList<>(List.of(
          binary.toString(), "--watch-stdin", "--kubeconfig", kubeconfig.toString(),
          "--feature-gates", featureGates(SERVER_PROFILE)));
      if (Files.isDirectory(crds)) {
        command.add("--crds");
        command.add(crds.toString());
      } else {
        System.out.println("[apiserver] no CRDs installed: " + crds + " is absent (tests of CRD-backed kinds will fail)");
      }
      Process p = new ProcessBuilder(command)
          .redirectError(ProcessBuilder.Redirect.to(log.toFile()))
          .start();
      CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> readyLine(p));
      String line;
      try {
        line = ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        p.destroyForcibly();
        throw new IllegalStateException("the control plane was not ready after " + START_TIMEOUT.toMinutes()
            + " minutes; its log: " + log + tail(log));
      } catch (ExecutionException e) {
        p.destroyForcibly();
        throw new IllegalStateException("the control plane stopped before it was ready (" + e.getCause().getMessage()
            + "); its log: " + log + tail(log));
      }
      String url = field(line, "url");
      String version = field(line, "version");
      System.out.println("[apiserver] kube-apiserver " + version + " at " + url + " (log " + log + ")");
      return new ControlPlaneProcess(p, log, url, kubeconfig, version);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the control plane " + binary, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the control plane", e);
    }
  }

  /**
   * {@code --feature-gates} for the server: every gate of ai-infra's table that exists in that
   * release, is not locked, and is alpha or beta, switched on (the binary leaves out any name its
   * kube-apiserver does not know, e.g. a kubelet-only gate).
   */
  static String featureGates(KubernetesVersion version) {
    return Arrays.stream(FeatureGate.values())
        .filter(g -> g.existsIn(version) && !g.lockedIn(version))
        .filter(g -> g.stageIn(version).filter(s -> s == FeatureStage.ALPHA || s == FeatureStage.BETA).isPresent())
        .map(g -> g.name() + "=true")
        .collect(Collectors.joining(","));
  }

  private static String readyLine(Process p) {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("controlplane: ready ")) {
          // Keep draining stdout so the child never blocks on a full pipe.
          Thread drain = new Thread(() -> {
            try {
              p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException ignored) {
              // the process ended
            }
          }, "controlplane-stdout");
          drain.setDaemon(true);
          drain.start();
          return line;
        }
      }
      throw new IllegalStateException("exit code " + p.waitFor());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String field(String line, String name) {
    for (String part : line.split(" ")) {
      if (part.startsWith(name + "=")) {
        return part.substring(name.length() + 1);
      }
    }
    throw new IllegalStateException("no " + name + "= in the control plane's ready line: " + line);
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public KubernetesClient client() {
    return client;
  }

  @Override
  public Path kubeconfig() {
    return kubeconfig;
  }

  @Override
  public String url() {
    return url;
  }

  @Override
  public String version() {
    return version;
  }

  /**
   * Stops the server by closing its stdin (it then stops gracefully and removes its data directory
   * and kubeconfig). Not also SIGTERM: a second stop request makes kube-apiserver exit at once,
   * before the data is removed. Killed only when it has not stopped after 60 s.
   */
  @Override
  public void close() throws InterruptedException {
    client.close();
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      process.destroy();
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      System.out.println("[apiserver] the control plane did not stop within 60 s; killed (log " + log + ")");
      process.destroyForcibly();
    }
  }
}
