package dev.aiinfra.fuzz;

import dev.aiinfra.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;

/** One in-process run of {@code ai-infra} through {@link Main#run}: its arguments, exit code and output. */
record CommandRun(List<String> args, int exit, String out, String err) {

  /**
   * Runs the command within {@link Bounded#LIMIT}. A Throwable that escapes {@code Main.run} is a
   * finding ({@link Findings#escaped}); when it is of a known class, the run is empty.
   */
  static Optional<CommandRun> of(List<String> args) throws Exception {
    String command = "ai-infra " + String.join(" ", args);
    try {
      return Optional.of(Bounded.call(command, () -> {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args.toArray(String[]::new), new ByteArrayInputStream(new byte[0]),
            new PrintWriter(out, true), new PrintWriter(err, true));
        return new CommandRun(args, exit, out.toString(), err.toString());
      }));
    } catch (Bounded.StepTimeout e) {
      throw e;
    } catch (Throwable t) {
      Findings.escaped(command, t);
      return Optional.empty();
    }
  }

  String command() {
    return "ai-infra " + String.join(" ", args);
  }

  @Override
  public String toString() {
    return command() + "\nexit " + exit + "\n--- stderr\n" + shorten(err) + "--- stdout\n" + shorten(out);
  }

  private static String shorten(String s) {
    return s.length() <= 4000 ? s : s.substring(0, 4000) + "\n[" + (s.length() - 4000) + " more characters]\n";
  }
}
