package dev.aiinfra.cli.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.cli.CliRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The golden form of one run, {@code {"exit": N, "stdout": <the JSON printed>}} ({@code "stdout": null}
 * when nothing was printed, {@code "stdoutLines": [...]} for one JSON value per line, as {@code batch}
 * prints), and its comparison with the file. Compared as text, so key order, number types and
 * formatting are part of the contract. {@code -Dai-infra.golden.update=true} rewrites the files under
 * {@code src/test/resources} (the convention of ai-infra-core's golden YAML); review the diff.
 */
final class GoldenJson {
  static final String UPDATE = "ai-infra.golden.update";
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private GoldenJson() {}

  /** The run as its golden text, with machine-dependent text replaced by its placeholder. */
  static String of(CliRun run, Map<String, String> placeholders) {
    String out = run.out;
    for (Map.Entry<String, String> p : placeholders.entrySet()) {
      out = out.replace(p.getKey(), p.getValue());
    }
    ObjectNode golden = JSON.createObjectNode().put("exit", run.exit);
    if (out.isBlank()) {
      golden.putNull("stdout");
    } else {
      try {
        golden.set("stdout", JSON.readTree(out));
      } catch (JsonProcessingException notOneValue) {
        ArrayNode lines = golden.putArray("stdoutLines");
        out.lines().filter(l -> !l.isBlank()).forEach(l -> lines.add(parse(l, run)));
      }
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(golden).replace("\r\n", "\n") + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode parse(String line, CliRun run) {
    try {
      return JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new AssertionError("stdout is neither one JSON value nor one per line: " + e.getOriginalMessage() + "\n" + run, e);
    }
  }

  /** Compares with the golden file, or writes it when {@code -Dai-infra.golden.update=true}. */
  static void assertMatches(GoldenCase c, String actual) {
    if (Boolean.getBoolean(UPDATE)) {
      try {
        Path p = Path.of("src/test/resources", c.goldenPath());
        Files.createDirectories(p.getParent());
        Files.writeString(p, actual, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    assertThat(actual).as("%s (%s; if the change is intended, run with -D%s=true and review the diff)", c.goldenPath(), c, UPDATE)
        .isEqualTo(read(c));
  }

  private static String read(GoldenCase c) {
    try (InputStream in = GoldenJson.class.getClassLoader().getResourceAsStream(c.goldenPath())) {
      if (in == null) {
        throw new AssertionError("missing golden file " + c.goldenPath() + " (run with -D" + UPDATE + "=true to create it)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
