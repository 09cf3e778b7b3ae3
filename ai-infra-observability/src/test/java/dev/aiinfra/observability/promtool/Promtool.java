package dev.aiinfra.observability.promtool;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs Prometheus' {@code promtool} on rendered rule files: {@code check rules} and {@code test rules}
 * (unit tests of alerts on synthetic series). Found at {@code -Dai-infra.promtool=PATH} (what
 * {@code .ci/run} passes, from {@code .ci/promtool}), else on {@code PATH}, else in the cache
 * {@code .ci/promtool} fills ({@code ~/.cache/ai-infra/promtool}). A test that needs it and finds
 * none is skipped with the reason printed; run {@code .ci/promtool} to get one.
 */
public final class Promtool {
  private static Optional<Path> found;

  private Promtool() {}

  /** The promtool binary, or skips the calling test saying why. */
  public static Path require() {
    Optional<Path> p = locate();
    if (p.isEmpty()) {
      String reason = "promtool not found (-Dai-infra.promtool, PATH, ~/.cache/ai-infra/promtool); run .ci/promtool to fetch Debian's";
      System.out.println("SKIPPED: " + reason);
      assumeTrue(false, reason);
    }
    return p.get();
  }

  static synchronized Optional<Path> locate() {
    if (found == null) {
      List<Path> candidates = new ArrayList<>();
      String configured = System.getProperty("ai-infra.promtool", "");
      if (!configured.isBlank()) {
        candidates.add(Path.of(configured));
      }
      for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
        if (!dir.isEmpty()) {
          candidates.add(Path.of(dir, "promtool"));
        }
      }
      String cache = System.getenv().getOrDefault("AI_INFRA_CACHE", System.getProperty("user.home") + "/.cache/ai-infra");
      candidates.add(Path.of(cache, "promtool", "root", "usr", "bin", "promtool"));
      found = candidates.stream().filter(Files::isExecutable).findFirst();
    }
    return found;
  }

  /** The outcome of one promtool run. */
  public record Result(int exitCode, String output) {
    public boolean ok() {
      return exitCode == 0;
    }
  }

  /** {@code promtool check rules} on the rule files given by name and content. */
  public static Result checkRules(Map<String, String> ruleFiles) {
    Path dir = write(ruleFiles);
    List<String> args = new ArrayList<>(List.of("check", "rules"));
    ruleFiles.keySet().forEach(args::add);
    return run(dir, args);
  }

  /** {@code promtool test rules} on {@code testFile} with {@code ruleFiles} beside it. */
  public static Result testRules(Map<String, String> ruleFiles, String testFile) {
    Map<String, String> all = new java.util.TreeMap<>(ruleFiles);
    all.put("tests.yml", testFile);
    Path dir = write(all);
    return run(dir, List.of("test", "rules", "tests.yml"));
  }

  private static Path write(Map<String, String> files) {
    try {
      Path dir = Files.createTempDirectory("ai-infra-promtool");
      for (Map.Entry<String, String> e : files.entrySet()) {
        Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Result run(Path dir, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(require().toString());
    command.addAll(args);
    try {
      Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, out + "\n(promtool timed out)");
      }
      return new Result(p.exitValue(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "interrupted");
    }
  }
}
