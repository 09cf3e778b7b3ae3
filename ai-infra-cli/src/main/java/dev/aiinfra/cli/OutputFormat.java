package dev.aiinfra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiinfra.cli.output.JsonOut;
import java.io.PrintWriter;
import java.util.function.Consumer;

/** {@code -o}: text for people (default), json or yaml for programs. */
public enum OutputFormat {
  text,
  json,
  yaml;

  /** Prints {@code result} as JSON or YAML, or calls {@code asText} for people. */
  public void print(PrintWriter out, JsonNode result, Consumer<PrintWriter> asText) {
    switch (this) {
      case json:
        JsonOut.print(out, result);
        break;
      case yaml:
        JsonOut.printYaml(out, result);
        break;
      default:
        asText.accept(out);
        out.flush();
    }
  }
}
