package dev.aiinfra.cli.golden;

import dev.aiinfra.core.cluster.ApplyAwareMockServer;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One golden JSON case: a command line of {@code ai-infra} (its first words are {@link #command()})
 * and the file {@code golden-json/<command words as folders>/<name>.json} its result must equal.
 * A case that talks to a cluster gets a fresh fabric8 mock server, prepared by {@link #cluster()}.
 */
record GoldenCase(
    String command,
    String name,
    Function<GoldenInputs, List<String>> args,
    String stdin,
    Optional<Consumer<ApplyAwareMockServer>> cluster) {

  static GoldenCase of(String command, String name, Function<GoldenInputs, List<String>> args) {
    return new GoldenCase(command, name, args, "", Optional.empty());
  }

  GoldenCase withStdin(String text) {
    return new GoldenCase(command, name, args, text, cluster);
  }

  /** Runs against a mock API server that {@code setup} prepares (objects, injected faults). */
  GoldenCase onCluster(Consumer<ApplyAwareMockServer> setup) {
    return new GoldenCase(command, name, args, stdin, Optional.of(setup));
  }

  /** {@code golden-json/cgroup/pod}: the folder of this command's golden files and inputs. */
  String folder() {
    return "golden-json/" + command.replace(' ', '/');
  }

  /** The golden file, relative to the test resources. */
  String goldenPath() {
    return folder() + "/" + name + ".json";
  }

  @Override
  public String toString() {
    return command + " / " + name;
  }
}
