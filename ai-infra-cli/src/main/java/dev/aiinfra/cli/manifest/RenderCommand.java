package dev.aiinfra.cli.manifest;

import dev.aiinfra.cli.ExitCodes;
import dev.aiinfra.cli.HelpOption;
import dev.aiinfra.cli.OutputFormat;
import dev.aiinfra.cli.UsageException;
import dev.aiinfra.cli.output.TextTable;
import dev.aiinfra.core.render.ManifestBundle;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ai-infra render EXAMPLE}: the YAML of a built-in scenario; {@code --list} names them. */
@Command(name = "render", description = "Render a built-in example as YAML (--list shows them).")
public final class RenderCommand implements Callable<Integer> {
  @Mixin HelpOption help;
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "EXAMPLE", description = "Example to render.")
  String example;

  @Option(names = "--list", description = "List the examples.")
  boolean list;

  @Option(names = {"-o", "--output"}, defaultValue = "yaml", description = "yaml or json: how the objects are written. Default: ${DEFAULT-VALUE}.")
  OutputFormat output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (list || example == null) {
      TextTable t = new TextTable("EXAMPLE", "DESCRIPTION");
      Scenarios.all().values().forEach(s -> t.row(s.name(), s.description()));
      t.print(out);
      return ExitCodes.OK;
    }
    Scenario s = Scenarios.named(example).orElseThrow(() -> new UsageException(
        "unknown example \"" + example + "\"; examples: " + String.join(", ", Scenarios.all().keySet())));
    ManifestBundle bundle = s.bundle();
    out.print(output == OutputFormat.json ? bundle.toJson() : bundle.toYaml());
    out.flush();
    return ExitCodes.OK;
  }
}
