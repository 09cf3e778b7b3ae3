package dev.aiinfra.cli;

import dev.aiinfra.core.read.ManifestInput;
import dev.aiinfra.core.read.ManifestReader;
import dev.aiinfra.core.read.ReadLimits;
import dev.aiinfra.core.read.SkippedEntry;
import dev.aiinfra.core.read.SourcedObject;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The input mixin: {@code -f FILE|DIR|-}, repeatable, Kubernetes YAML or JSON. Standard input is
 * given to it when picocli creates it ({@link CommandFactory}), so {@code -f -} needs nothing from
 * the command that mixes it in.
 */
public final class InputOptions {
  @Option(
      names = {"-f", "--filename"},
      paramLabel = "FILE",
      description = "YAML or JSON file, directory (its .yaml/.yml/.json files, any letter case; sub-folders are not read"
          + " and, like other skipped entries, named on stderr) or - for stdin; repeatable. Inputs without any object are refused."
          + " Default: none (give at least one).")
  List<String> files = new ArrayList<>();

  /** The command this mixin is part of: skipped folder entries are named on its stderr. */
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  private final InputStream stdin;

  InputOptions(InputStream stdin) {
    this.stdin = Objects.requireNonNull(stdin);
  }

  public List<String> files() {
    return files;
  }

  public boolean given() {
    return !files.isEmpty();
  }

  public List<SourcedObject> read() {
    return read(ReadLimits.defaults());
  }

  public List<SourcedObject> read(ReadLimits limits) {
    if (files.isEmpty()) {
      throw new UsageException("no input: give at least one -f FILE|DIR|-");
    }
    ManifestInput input = ManifestReader.with(limits).readInput(files, stdin);
    if (command != null && !input.skipped().isEmpty()) {
      PrintWriter err = command.commandLine().getErr();
      for (SkippedEntry s : input.skipped()) {
        err.println("warning: " + s);
      }
      err.flush();
    }
    return input.objects();
  }
}
