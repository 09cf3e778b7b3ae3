package dev.aiinfra.examples.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.examples.Example;
import dev.aiinfra.examples.Example.Area;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ExamplesTest {
  @Test
  void every_area_has_an_example() {
    Set<Area> covered = Examples.all().stream().map(Example::area).collect(Collectors.toCollection(() -> EnumSet.noneOf(Area.class)));
    assertThat(covered).containsExactlyInAnyOrder(Area.values());
  }

  @Test
  void names_are_unique_and_found_by_name() {
    assertThat(Examples.all()).extracting(Example::name).doesNotHaveDuplicates();
    Examples.all().forEach(e -> assertThat(Examples.named(e.name())).containsSame(e));
    assertThat(Examples.named("nope")).isEmpty();
  }

  @Test
  void every_example_renders_the_same_yaml_twice_and_has_findings() {
    for (Example e : Examples.all()) {
      assertThat(e.build().toYaml()).as(e.name()).isEqualTo(e.build().toYaml()).doesNotContain("metadata: {}");
      assertThat(e.findings()).as(e.name()).isNotEmpty();
    }
  }

  @Test
  void examples_are_listed_in_area_order() {
    assertThat(Examples.all()).extracting(Example::area).isSorted();
  }
}
