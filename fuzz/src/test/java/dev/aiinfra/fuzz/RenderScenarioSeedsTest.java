package dev.aiinfra.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The manifest seed corpus holds the YAML of every built-in render scenario ({@code ai-infra render
 * --list}), so that a new scenario is fuzzed from its first day. The seeds are inputs, not goldens:
 * a changed rendering does not fail here. {@code -Dai-infra.golden.update=true} (re)writes them.
 */
class RenderScenarioSeedsTest {
  private static final Path SEEDS = Path.of(System.getProperty("ai-infra.fuzz.seeds", "src/test/seeds"), "manifests");

  @Test
  void every_render_scenario_is_a_seed() throws Exception {
    CommandRun list = CommandRun.of(List.of("render", "--list")).orElseThrow();
    assertThat(list.exit()).as(list.toString()).isZero();
    List<String> names = list.out().lines().skip(1).map(l -> l.split("\\s+")[0]).filter(n -> !n.isEmpty()).toList();
    assertThat(names).isNotEmpty();
    for (String name : names) {
      Path seed = SEEDS.resolve("render-" + name + ".yaml");
      if (Boolean.getBoolean("ai-infra.golden.update")) {
        CommandRun render = CommandRun.of(List.of("render", name)).orElseThrow();
        assertThat(render.exit()).as(render.toString()).isZero();
        Files.writeString(seed, render.out());
      }
      assertThat(seed).as("seed of render scenario %s (run with -Dai-infra.golden.update=true to create it)", name).exists();
    }
  }
}
