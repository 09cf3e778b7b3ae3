package dev.aiinfra.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ai-infra batch DIR}: runs every case folder of DIR (sorted by name) in this one process and
 * prints one JSON line per case, {@code {"case","exit","stdout","stderr"}} — the same format as the
 * conformance oracle's {@code upstream batch DIR}, so one folder of cases runs through both. A case
 * folder holds {@code args} (a JSON array of arguments) and the files they name, relative to it.
 */
@Command(name = "batch",
    description = "Run every case folder of DIR (args + files) in one process; one JSON line per case.")
public final class BatchCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "Folder of case folders, each with an 'args' file (JSON array).")
  Path dir;

  @Override
  public Integer call() throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new UsageException(dir + ": not a folder");
    }
    PrintWriter out = spec.commandLine().getOut();
    List<Path> cases;
    try (Stream<Path> s = Files.list(dir)) {
      cases = s.filter(p -> Files.isRegularFile(p.resolve("args"))).sorted().toList();
    }
    for (Path c : cases) {
      List<String> args;
      try {
        args = mapper().readValue(c.resolve("args").toFile(), new TypeReference<List<String>>() {});
      } catch (IOException e) {
        throw new UsageException(c.resolve("args") + ": not a JSON array of strings");
      }
      // An ObjectNode keeps the documented field order; the shared mapper sorts the keys of a Map.
      ObjectNode line = mapper().createObjectNode();
      line.put("case", c.getFileName().toString());
      StringWriter o = new StringWriter();
      StringWriter e = new StringWriter();
      int code;
      try (PrintWriter ow = new PrintWriter(o); PrintWriter ew = new PrintWriter(e)) {
        code = Main.run(resolve(c, args), new ByteArrayInputStream(new byte[0]), ow, ew);
      }
      line.put("exit", code);
      line.put("stdout", o.toString());
      line.put("stderr", e.toString());
      out.println(mapper().writeValueAsString(line));
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** Arguments naming a file of the case folder become absolute paths (the command does not change folder). */
  static String[] resolve(Path caseDir, List<String> args) {
    List<String> out = new ArrayList<>(args.size());
    for (String a : args) {
      Path p = a.isEmpty() || a.startsWith("-") ? null : caseDir.resolve(a);
      out.add(p != null && Files.exists(p) ? p.toAbsolutePath().toString() : a);
    }
    return out.toArray(String[]::new);
  }


  // Built on first use, not when picocli instantiates every command at start-up.
  private static ObjectMapper mapper() {
    return MapperHolder.MAPPER;
  }

  private static final class MapperHolder {
    static final ObjectMapper MAPPER = Json.mapper();
  }
}
