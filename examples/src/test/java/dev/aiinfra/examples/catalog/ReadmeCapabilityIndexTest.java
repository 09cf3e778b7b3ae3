package dev.aiinfra.examples.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's "Find a capability" table is one hop to real code: every link resolves, every area has a row. */
class ReadmeCapabilityIndexTest {
  private static final Path ROOT = Path.of("..");
  private static final Pattern SOURCE_LINK = Pattern.compile("\\]\\(((?:ai-infra-[a-z-]+|examples)/[^)#]+)\\)");

  private static String index() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    int start = readme.indexOf("### Find a capability");
    assertThat(start).as("README has a 'Find a capability' section").isNotNegative();
    int end = readme.indexOf("\n\n", readme.indexOf("|---|", start));
    return readme.substring(start, end);
  }

  @Test
  void every_source_link_of_the_capability_index_points_at_a_file() throws IOException {
    Matcher m = SOURCE_LINK.matcher(index());
    List<String> missing = new ArrayList<>();
    int links = 0;
    while (m.find()) {
      links++;
      if (!Files.isRegularFile(ROOT.resolve(m.group(1)))) {
        missing.add(m.group(1));
      }
    }
    assertThat(links).isGreaterThan(20);
    assertThat(missing).as("links to files that do not exist").isEmpty();
  }

  @Test
  void every_example_program_is_reachable_from_the_capability_index() throws IOException {
    String index = index();
    List<String> programs;
    try (var files = Files.walk(ROOT.resolve("examples/src/main/java"))) {
      programs = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith("Example.java") && !n.equals("Example.java")).toList();
    }
    assertThat(programs).isNotEmpty();
    assertThat(programs).allSatisfy(p -> assertThat(index).as("the index links " + p).contains("/" + p + ")"));
  }
}
