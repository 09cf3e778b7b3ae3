package dev.aiinfra.cli.manifest;

import dev.aiinfra.cli.ExitCodes;
import dev.aiinfra.cli.HelpOption;
import dev.aiinfra.cli.OutputFormat;
import dev.aiinfra.cli.UsageException;
import dev.aiinfra.cli.output.TextTable;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.examples.Example;
import dev.aiinfra.examples.catalog.Examples;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ai-infra render EXAMPLE}: the YAML of an example program's objects ({@code
 * dev.aiinfra.examples.catalog.Examples}); {@code --list} names them with their area.
 */
@Command(name = "render", description = "Render an example program's objects as YAML (--list shows them).")
public final class RenderCommand implements Callable<Integer> {
  @Mixin HelpOption help;
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "EXAMPLE", description = "Example to render (see --list).")
  String example;

  @Option(names = "--list", description = "List the examples, one or more per area.")
  boolean list;

  @Option(names = {"-o", "--output"}, defaultValue = "yaml", description = "yaml or json: how the objects are written. Default: ${DEFAULT-VALUE}.")
  OutputFormat output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (list || example == null) {
      TextTable t = new TextTable("EXAMPLE", "AREA", "DESCRIPTION");
      Examples.all().forEach(e -> t.row(e.name(), e.area().label(), e.description()));
      t.print(out);
      return ExitCodes.OK;
    }
    Example e = Examples.named(example).orElseThrow(() -> new UsageException(
        "unknown example \"" + example + "\"; examples: " + String.join(", ", Examples.all().stream().map(Example::name).toList())));
    ManifestBundle bundle = e.build();
    out.print(output == OutputFormat.json ? bundle.toJson() : bundle.toYaml());
    out.flush();
    return ExitCodes.OK;
  }
}
