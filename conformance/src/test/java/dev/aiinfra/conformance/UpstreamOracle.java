package dev.aiinfra.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The {@code upstream} program of {@code conformance/}: located from {@code -Dai-infra.upstream},
 * else built (or taken from the cache) by {@code conformance/build} once per JVM. Runs a folder of cases in one process.
 */
public final class UpstreamOracle {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static volatile UpstreamOracle instance;
  private static volatile String unavailable;

  private final Path binary;

  private UpstreamOracle(Path binary) {
    this.binary = binary;
  }

  /** The oracle, or empty with {@link #whyUnavailable()} set (no Go on the PATH, build failed). */
  public static synchronized Optional<UpstreamOracle> get() {
    if (instance != null) {
      return Optional.of(instance);
    }
    if (unavailable != null) {
      return Optional.empty();
    }
    String given = System.getProperty("ai-infra.upstream", "");
    if (!given.isBlank()) {
      Path p = Path.of(given);
      if (Files.isExecutable(p)) {
        instance = new UpstreamOracle(p);
        return Optional.of(instance);
      }
      unavailable = "-Dai-infra.upstream=" + given + " is not an executable file";
      return Optional.empty();
    }
    Path moduleDir = Path.of(System.getProperty("ai-infra.conformance.dir", "."));
    Path out;
    try {
      // conformance/build: cached by go.sum and the oracle's sources, outside the clone.
      Process p = new ProcessBuilder("bash", "build").directory(moduleDir.toFile()).start();
      String path = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      String log = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
        unavailable = log.contains("Go is not installed")
            ? "Go is not on the PATH; install Go 1.26 to run the differential suite"
            : "conformance/build failed:\n" + log;
        return Optional.empty();
      }
      out = Path.of(path.lines().reduce((a, b) -> b).orElse(""));
    } catch (IOException e) {
      unavailable = "cannot run conformance/build (" + e.getMessage() + ")";
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      unavailable = "interrupted while building the oracle";
      return Optional.empty();
    }
    instance = new UpstreamOracle(out);
    return Optional.of(instance);
  }

  public static String whyUnavailable() {
    return unavailable;
  }

  /** Runs every case folder under {@code dir}; answers by case id. */
  public Map<String, Outcome> runBatch(Path dir) {
    try {
      Path log = Files.createTempFile(dir.getParent(), "upstream", ".jsonl");
      Path err = Files.createTempFile(dir.getParent(), "upstream", ".err");
      Process p = new ProcessBuilder(binary.toString(), "batch", dir.toString())
          .redirectOutput(log.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(60, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException("upstream batch " + dir + " timed out");
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException("upstream batch " + dir + " exited " + p.exitValue() + ": " + Files.readString(err));
      }
      Map<String, Outcome> out = new LinkedHashMap<>();
      for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = MAPPER.readTree(line);
        out.put(n.get("case").asText(), new Outcome(n.get("exit").asInt(), n.get("stdout").asText(), n.get("stderr").asText()));
      }
      Files.deleteIfExists(log);
      Files.deleteIfExists(err);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs one case on its own (used for reproducers). */
  public Outcome run(Case c, Path scratch) {
    Path dir = scratch.resolve("one-" + System.nanoTime());
    c.writeTo(dir.resolve(c.id()));
    return runBatch(dir).get(c.id());
  }

  public List<String> commands() {
    try {
      Process p = new ProcessBuilder(binary.toString(), "commands").start();
      String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      return s.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
