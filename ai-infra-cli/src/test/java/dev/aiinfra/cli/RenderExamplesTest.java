package dev.aiinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.examples.Example;
import dev.aiinfra.examples.catalog.Examples;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code render} and {@code demo} show the example programs' own objects, one or more per area. */
class RenderExamplesTest {
  @Test
  void render_list_names_every_example_with_its_area() {
    CliRun r = CliRun.run("render", "--list");
    assertThat(r.exit).isZero();
    List<String> rows = r.out.lines().skip(1).toList();
    assertThat(rows).hasSameSizeAs(Examples.all());
    for (Example e : Examples.all()) {
      assertThat(rows).anySatisfy(row -> assertThat(row).startsWith(e.name() + " ").contains(" " + e.area().label() + " "));
    }
  }

  @Test
  void render_list_covers_every_area() {
    String list = CliRun.run("render", "--list").out;
    for (Example.Area area : Example.Area.values()) {
      assertThat(list).as(area.name()).contains(" " + area.label() + " ");
    }
  }

  @Test
  void render_prints_the_example_programs_yaml() {
    for (Example e : Examples.all()) {
      CliRun r = CliRun.run("render", e.name());
      assertThat(r.exit).as(e.name() + "\n" + r).isZero();
      assertThat(r.out).as(e.name()).isEqualTo(e.build().toYaml());
    }
  }

  @Test
  void the_demo_tours_every_area() {
    CliRun r = CliRun.run("demo");
    assertThat(r.exit).isZero();
    assertThat(r.out).contains("resolv.conf", "Tuning ndots", "Validating a broken pod");
    for (Example.Area area : Example.Area.values()) {
      if (area != Example.Area.DNS && area != Example.Area.VALIDATION) {
        Example e = Examples.first(area);
        assertThat(r.out).as(area.name()).contains("(ai-infra render " + e.name() + "):\n   " + e.findings().get(0) + "\n");
      }
    }
  }

  @Test
  void the_demo_places_the_gang_and_allocates_the_claim() {
    String out = CliRun.run("demo").out;
    assertThat(out).contains("gang ml/llama-train-workers: 256 of minCount 256 placed, fits: true", "node aligned: fits, 16 devices",
        "node misaligned: does not fit (DRA_CONSTRAINTS_CONFLICT", "advice: disaggregated", "pod security restricted:latest: allowed",
        "pod (Burstable)");
  }
}
