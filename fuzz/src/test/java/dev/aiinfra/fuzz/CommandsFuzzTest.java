package dev.aiinfra.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;

/**
 * Every command that reads Kubernetes objects, through {@code Main.run} with {@code -f FILE} and
 * otherwise valid flags, on any file content: each run keeps the {@link ExitContract} within
 * {@link Bounded#LIMIT}, and when {@code validate} accepts the file (exit 0) no command refuses a
 * field of its objects (an exit-2 line {@code FILE: document N: field: rule}): the README's
 * "every rule the library implements", read as one rule set applied everywhere. A command may
 * still refuse objects it does not take (a {@code kind} error, or {@code cgroup pod} on two Pods).
 *
 * <p>{@code apply} and {@code snapshot} talk to a cluster and are not fuzzed here.
 */
class CommandsFuzzTest {
  private static final List<List<String>> COMMANDS = List.of(
      List.of("dns", "config", "--cluster-dns", "10.96.0.10", "--cluster-domain", "cluster.local", "-o", "json"),
      List.of("dns", "resolve", "--name", "api.example.com", "--cluster-dns", "10.96.0.10", "--cluster-domain", "cluster.local", "-o", "json"),
      List.of("dns", "tune", "--lookup", "api.openai.com", "--in-cluster", "redis.cache", "--cluster-dns", "10.96.0.10", "-o", "yaml"),
      List.of("dns", "tune", "--ndots", "1", "--cluster-dns", "10.96.0.10", "-o", "yaml"),
      List.of("gang", "place", "-o", "json"),
      List.of("kueue", "recipe", "-o", "json"),
      List.of("dra", "allocate", "-o", "json"),
      List.of("cgroup", "pod", "-o", "json"),
      List.of("cgroup", "qos", "--node-allocatable", "cpu=8,memory=32Gi", "-o", "json"),
      List.of("pss", "check", "-o", "json"));
  private static final InputFile FILE = new InputFile("input.yaml");

  @BeforeAll
  static void warmUp() throws Exception {
    // the first run of each command loads its classes; not part of any input's time
    check(("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: i,"
        + " resources: {requests: {cpu: 100m, memory: 1Gi}}}]}\n").getBytes(StandardCharsets.UTF_8));
  }

  @FuzzTest
  void everyCommand(byte[] data) throws Exception {
    check(data);
  }

  static void check(byte[] data) throws Exception {
    String file = FILE.write(data);
    String input = new String(data, StandardCharsets.UTF_8);
    Optional<CommandRun> validate = CommandRun.of(List.of("validate", "-o", "json", "-f", file));
    validate.ifPresent(v -> ExitContract.check(v, input, file));
    boolean valid = validate.map(v -> v.exit() == 0).orElse(false);
    for (List<String> command : COMMANDS) {
      List<String> args = new ArrayList<>(command);
      args.add("-f");
      args.add(file);
      Optional<CommandRun> run = CommandRun.of(args);
      if (run.isEmpty()) {
        continue;
      }
      ExitContract.check(run.get(), input, file);
      if (valid && run.get().exit() == 2) {
        acceptedByValidate(run.get(), file);
      }
    }
  }

  /**
   * A refused field other than {@code kind} (which says the command does not take that kind) and
   * other than a reference to an object the input lacks ({@code PodGroup ml/g is not in the input},
   * a claim's DeviceClass): {@code validate} checks each object on its own, as the API server does,
   * and such an object is valid where the other object exists.
   */
  private static void acceptedByValidate(CommandRun run, String file) {
    Pattern fieldError = Pattern.compile("(?m)^error: " + Pattern.quote(file)
        + ": document \\d+: (?!kind: )[^:\\s]+: (?!.*(?: is not in the input| has no pod group named | not found in the input)).*$");
    if (fieldError.matcher(run.err()).find()) {
      Findings.report("validate accepted the file (exit 0), but " + run.command() + " refused a field of it\n" + run);
    }
  }
}
