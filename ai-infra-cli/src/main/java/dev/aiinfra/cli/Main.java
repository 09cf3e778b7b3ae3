package dev.aiinfra.cli;

import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.read.InputError;
import dev.aiinfra.core.read.ManifestReadException;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Entry point of {@code ai-infra}. Maps every failure to the exit-code contract and a message on
 * stderr naming file, document, field and rule; never prints a stack trace.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(args, System.in, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs the command with the given streams and returns its exit code (for tests and embedding). */
  public static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
    CommandLine cli = commandLine(in);
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("error: " + ex.getMessage());
          CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
          err.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
          return ExitCodes.INVALID_INPUT;
        });
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> handle(ex, err));
    try {
      return cli.execute(args);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return handle(e, err);
    }
  }

  /**
   * The whole command tree as the program runs it: standard input for the input mixins and the
   * library's default Kubernetes version. Each option with a default names it in its own help
   * ({@code Default: ${DEFAULT-VALUE}}), which {@code CommandTreeHelpTest} checks for every command.
   */
  public static CommandLine commandLine(InputStream in) {
    CommandLine cli = new CommandLine(new AiInfraCommand(), new CommandFactory(in));
    cli.setDefaultValueProvider(new ProfileDefaults());
    return cli;
  }

  static int handle(Throwable ex, PrintWriter err) {
    if (ex instanceof ManifestReadException e) {
      for (InputError error : e.errors()) {
        err.println("error: " + error);
      }
      return ExitCodes.INVALID_INPUT;
    }
    if (ex instanceof InvalidSpecException e) {
      e.violations().forEach(v -> err.println("error: " + v));
      return ExitCodes.INVALID_INPUT;
    }
    if (ex instanceof UsageException || ex instanceof CommandLine.ParameterException) {
      err.println("error: " + ex.getMessage());
      return ExitCodes.INVALID_INPUT;
    }
    if (ex instanceof KubernetesClientException e) {
      err.println("error: cluster: " + (e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : rootMessage(e)));
      return ExitCodes.ERROR;
    }
    err.println("error: internal: " + ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + firstLine(ex.getMessage())));
    err.println("This is a bug in ai-infra; please report it with the command line and input.");
    return ExitCodes.ERROR;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
