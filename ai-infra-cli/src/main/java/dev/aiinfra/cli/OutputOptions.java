package dev.aiinfra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * The output mixin of every command that answers a question: {@code -o text|json|yaml}, text by
 * default. text is a table for people; json (and the same tree as yaml) is the command's JSON
 * contract, written in one class per command.
 */
public final class OutputOptions {
  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
      description = "text (a table for people), json or yaml (the command's JSON contract, for programs). Default: ${DEFAULT-VALUE}.")
  OutputFormat format = OutputFormat.text;

  public OutputFormat format() {
    return format;
  }

  /** Prints {@code result} as JSON or YAML, or calls {@code asText} for people. */
  public void print(PrintWriter out, JsonNode result, Consumer<PrintWriter> asText) {
    format.print(out, result, asText);
  }
}
