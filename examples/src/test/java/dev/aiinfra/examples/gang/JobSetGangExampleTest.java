package dev.aiinfra.examples.gang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.scheduling.policy.placement.GangResult;
import dev.aiinfra.scheduling.policy.placement.PlacementResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
}
