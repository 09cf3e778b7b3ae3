package dev.aiinfra.examples.gang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.read.ManifestReader;
import dev.aiinfra.core.read.SourcedObject;
import dev.aiinfra.scheduling.model.GangTarget;
import dev.aiinfra.scheduling.policy.placement.GangPlacement;
import dev.aiinfra.scheduling.policy.placement.GangResult;
import dev.aiinfra.scheduling.policy.placement.PlacementResult;
import dev.aiinfra.scheduling.read.GangInputs;
import dev.aiinfra.scheduling.read.GangPlacementInput;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobSetGangExampleTest {
  @Test
  void the_gang_lands_whole_in_one_free_rack_and_the_yaml_is_printed() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PlacementResult r = JobSetGangExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    GangResult g = r.gangs().get(0);
    assertThat(g.fits()).isTrue();
    assertThat(g.placed()).isEqualTo(256);
    var racks = g.podSets().get(0).topologyAssignment().orElseThrow().domains().stream().map(d -> d.values().get(0)).distinct().toList();
    assertThat(racks).hasSize(1).doesNotContain("b0-r0");
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("kind: Workload").contains("kind: JobSet").contains("schedulingGroup:").contains("restartPolicyRules:");
  }

  /** What the example computes from its typed specs is what {@code ai-infra gang place} answers for its YAML and the sample cluster. */
  @Test
  void the_typed_placement_is_the_one_gang_place_gives_for_the_rendered_yaml() {
    for (GangTarget target : new GangTarget[] {GangTarget.NATIVE, GangTarget.KUEUE, GangTarget.VOLCANO}) {
      GangPlacementInput typed = JobSetGangExample.input(target);
      List<SourcedObject> objects = new ArrayList<>(ManifestReader.withDefaults().readString("gpu-cluster.yaml", SampleCluster.yaml()));
      objects.addAll(ManifestReader.withDefaults().readString("llama-train.yaml", typed.attached().bundle().toYaml()));
      GangInputs read = GangInputs.read(objects, JobSetGangExample.LEVELS.levels());
      assertThat(typed.gangs()).as(target.name()).isEqualTo(read.gangs());
      assertThat(read.cluster()).isEqualTo(SampleCluster.read());
      assertThat(typed.placeOn(read.cluster(), read.options())).as(target.name())
          .isEqualTo(GangPlacement.place(read.cluster(), read.gangs(), read.options()));
    }
  }

  @Test
  void the_findings_name_the_rack() {
    assertThat(JobSetGangExample.findings()).first().asString().isEqualTo("gang ml/llama-train-workers: 256 of minCount 256 placed, fits: true");
  }
}
