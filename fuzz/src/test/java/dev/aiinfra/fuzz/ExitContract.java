package dev.aiinfra.fuzz;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command contract of the README, as the fuzzer checks it on every run: exit 0, 1 or 2 (3 is
 * "internal error", a bug on offline input); exit 2 explains itself on stderr naming the input
 * file (and, for a problem inside a document, {@code FILE: document N: ...}); no stack trace and
 * no Java class names in anything printed, unless the input itself holds that text. A broken
 * rule goes to {@link Findings#report}.
 */
final class ExitContract {
  private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(");
  private static final Pattern JAVA_NAME = Pattern.compile(
      "\\b(?:java|javax|jdk|sun|dev\\.aiinfra|com\\.fasterxml|org\\.yaml|io\\.fabric8|picocli)\\.[a-z][\\w$]*\\.[\\w$.]+"
          + "|\\b[A-Z][A-Za-z]*(?:Exception|Error)\\b"
          // Jackson's location text: "[Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, ...]"
          + "|\\[Source: ");
  private static final Pattern DOCUMENT = Pattern.compile("document \\d+");
  /**
   * Usage errors about the objects a command was given as a whole (possibly from several files),
   * not about one file's content: they need not name a file.
   */
  private static final List<Pattern> APPLICABILITY = List.of(
      Pattern.compile("^error: expected exactly one Pod \\(or one workload with one pod template\\), got \\d+ objects$"),
      Pattern.compile("^error: give exactly one Pod \\(found \\d+\\)$"),
      Pattern.compile("^error: no Pods or workloads with pod templates in the input$"),
      Pattern.compile("^error: <input>: give one Pod \\(its claims are allocated together\\); found \\d+$"));

  private ExitContract() {}

  /** Checks one run whose only variable was {@code file} holding {@code input}. */
  static void check(CommandRun run, String input, String file) {
    if (run.exit() == 3) {
      Findings.report("internal error (exit 3) on hostile input\n" + run);
    } else if (run.exit() < 0 || run.exit() > 2) {
      Findings.report("exit code outside the contract\n" + run);
    }
    noInternals(run, run.err(), input);
    noInternals(run, run.out(), input);
    if (run.exit() == 2) {
      namesTheInput(run, file);
    }
  }

  private static void noInternals(CommandRun run, String printed, String input) {
    if (STACK_FRAME.matcher(printed).find()) {
      Findings.report("a stack trace was printed\n" + run);
      return;
    }
    Matcher m = JAVA_NAME.matcher(printed);
    while (m.find()) {
      if (!input.contains(m.group()) && !joinedFromInput(m.group(), input)) {
        Findings.report("a Java class name (" + m.group() + ") was printed\n" + run);
        return;
      }
    }
  }

  private static void namesTheInput(CommandRun run, String file) {
    String[] lines = run.err().strip().split("\n");
    if (run.err().isBlank()) {
      Findings.report("exit 2 with nothing on stderr\n" + run);
      return;
    }
    if (!run.err().contains(file) && !(lines.length == 1 && APPLICABILITY.stream().anyMatch(p -> p.matcher(lines[0]).matches()))) {
      Findings.report("exit 2 without naming the input file " + file + "\n" + run);
      return;
    }
    for (String line : lines) {
      Matcher d = DOCUMENT.matcher(line);
      if (d.find() && !line.contains(file + ": " + d.group())) {
        Findings.report("exit 2 names a document without its file (" + line + ")\n" + run);
        return;
      }
    }
  }

  /**
   * Whether a dotted name is the input's own keys joined into a field path ({@code sun.nexactly.data}
   * from keys {@code …sun}, {@code nexactly}, {@code data}), not a Java name the command made up.
   */
  private static boolean joinedFromInput(String name, String input) {
    for (String part : name.split("\\.")) {
      if (!part.isEmpty() && !input.contains(part)) {
        return false;
      }
    }
    return true;
  }
}
