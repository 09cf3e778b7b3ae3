package dev.aiinfra.cli.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.cli.Main;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A new command cannot ship without its JSON contract pinned: every leaf of the {@code ai-infra}
 * picocli tree has a case in {@link GoldenCases}, and every golden file still belongs to one.
 */
class EveryCommandHasAGoldenCaseTest {
  /** Commands without a JSON result, and why. Each must really have no {@code -o}. */
  private static final Map<String, String> WITHOUT_JSON = Map.of(
      "demo", "a guided tour for people, text only (no -o); its content is checked by ManifestCommandsTest");

  private static Map<String, CommandLine> leaves() {
    Map<String, CommandLine> out = new TreeMap<>();
    collect(Main.commandLine(InputStream.nullInputStream()), out);
    return out;
  }

  private static void collect(CommandLine c, Map<String, CommandLine> out) {
    if (c.getSubcommands().isEmpty()) {
      out.put(c.getCommandSpec().qualifiedName(" ").replaceFirst("^ai-infra ", ""), c);
      return;
    }
    // aliases map to the same CommandLine: visit each once
    c.getSubcommands().values().stream().distinct().forEach(s -> collect(s, out));
  }

  @Test
  void every_command_of_the_cli_has_a_golden_case() {
    Set<String> covered = GoldenCases.all().stream().map(GoldenCase::command).collect(Collectors.toSet());
    Set<String> missing = new TreeSet<>(leaves().keySet());
    missing.removeAll(covered);
    missing.removeAll(WITHOUT_JSON.keySet());
    assertThat(missing).as("commands without a golden JSON case: add one to GoldenCases and run with -D%s=true", GoldenJson.UPDATE)
        .isEmpty();
  }

  @Test
  void a_command_exempt_from_golden_json_has_no_output_option() {
    Map<String, CommandLine> leaves = leaves();
    WITHOUT_JSON.keySet().forEach(name -> {
      assertThat(leaves).as("exempt command %s is not in the CLI any more", name).containsKey(name);
      assertThat(leaves.get(name).getCommandSpec().findOption("-o")).as("%s now has -o: give it a golden case instead", name).isNull();
    });
  }

  @Test
  void every_case_runs_the_command_it_is_filed_under() {
    for (GoldenCase c : GoldenCases.all()) {
      List<String> args = c.args().apply(new GoldenInputs(c, "kubeconfig"));
      List<String> words = Arrays.asList(c.command().split(" "));
      assertThat(args.subList(0, Math.min(words.size(), args.size()))).as("%s", c).isEqualTo(words);
    }
  }

  @Test
  void every_case_asks_for_json_where_the_command_offers_it() {
    Map<String, CommandLine> leaves = leaves();
    for (GoldenCase c : GoldenCases.all()) {
      if (leaves.get(c.command()) != null && leaves.get(c.command()).getCommandSpec().findOption("-o") != null) {
        List<String> args = c.args().apply(new GoldenInputs(c, "kubeconfig"));
        int o = args.indexOf("-o");
        assertThat(o >= 0 && o + 1 < args.size() && args.get(o + 1).equals("json")).as("%s: %s", c, args).isTrue();
      }
    }
  }

  @Test
  void case_names_are_unique_per_command() {
    List<String> paths = GoldenCases.all().stream().map(GoldenCase::goldenPath).toList();
    assertThat(paths).doesNotHaveDuplicates();
  }

  @Test
  void every_golden_file_belongs_to_a_case() throws IOException {
    Path root = Path.of("src/test/resources");
    Set<String> files;
    try (Stream<Path> s = Files.walk(root.resolve("golden-json"))) {
      files = s.filter(p -> p.toString().endsWith(".json"))
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !p.contains("/input/"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
    files.removeAll(GoldenCases.all().stream().map(GoldenCase::goldenPath).toList());
    assertThat(files).as("golden files no case writes: delete them or restore their case").isEmpty();
  }
}
