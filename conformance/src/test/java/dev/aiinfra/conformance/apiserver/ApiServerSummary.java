package dev.aiinfra.conformance.apiserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The figures of the {@code *ApiServerTest} classes, one line each, appended to
 * {@code conformance/target/apiserver/summary.txt}; {@code .ci/run} prints the file.
 */
public final class ApiServerSummary {
  private ApiServerSummary() {}

  /** The folder for this suite's output (summary, control-plane log, kubeconfig). */
  public static Path outputDir() {
    return Path.of(System.getProperty("ai-infra.conformance.dir", ".")).resolve("target").resolve("apiserver");
  }

  /** Appends one line, e.g. {@code RENDER-ACCEPTED: 412/412 objects accepted, 0 warnings (server v1.36.3)}. */
  public static synchronized void append(String line) {
    Path file = outputDir().resolve("summary.txt");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file, e);
    }
    System.out.println(line);
  }
}
