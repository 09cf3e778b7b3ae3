package dev.aiinfra.cli;

import dev.aiinfra.core.render.ManifestReader;
import dev.aiinfra.core.render.ReadLimits;
import dev.aiinfra.core.render.SourcedObject;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code -f FILE|DIR|-}, repeatable: Kubernetes YAML or JSON to read. */
public final class InputOptions {
  @Option(
      names = {"-f", "--filename"},
      paramLabel = "FILE",
      description = "YAML or JSON file, directory (.yaml/.yml/.json, not recursive) or - for stdin; repeatable.")
  List<String> files = new ArrayList<>();

  public List<String> files() {
    return files;
  }

  public boolean given() {
    return !files.isEmpty();
  }

  public List<SourcedObject> read(InputStream stdin) {
    return read(stdin, ReadLimits.defaults());
  }

  public List<SourcedObject> read(InputStream stdin, ReadLimits limits) {
    if (files.isEmpty()) {
      throw new UsageException("no input: give at least one -f FILE|DIR|-");
    }
    return ManifestReader.with(limits).read(files, stdin);
  }
}
