package dev.aiinfra.conformance;

import dev.aiinfra.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a case through {@code ai-infra} in this process ({@link Main#run}), file arguments made absolute. */
public final class JavaSide {
  private JavaSide() {}

  public static Outcome run(Case c, Path caseDir) {
    List<String> args = new ArrayList<>();
    for (String a : c.args()) {
      args.add(c.files().containsKey(a) ? caseDir.resolve(a).toAbsolutePath().toString() : a);
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
      code = Main.run(args.toArray(String[]::new), new ByteArrayInputStream(new byte[0]), o, e);
    }
    return new Outcome(code, out.toString(), err.toString());
  }
}
