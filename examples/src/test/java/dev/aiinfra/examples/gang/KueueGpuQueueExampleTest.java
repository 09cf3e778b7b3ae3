package dev.aiinfra.examples.gang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.scheduling.model.SchedulingCode;
import dev.aiinfra.scheduling.policy.kueue.QueueRecipe;
import dev.aiinfra.scheduling.policy.placement.GangResult;
import dev.aiinfra.scheduling.policy.placement.PlacementResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KueueGpuQueueExampleTest {
  @Test
  void the_recipe_derives_a_tas_queue_set_for_the_sample_cluster() {
    QueueRecipe recipe = KueueGpuQueueExample.recipe();

    assertThat(recipe.derived()).isTrue();
    assertThat(recipe.objects().clusterQueues()).hasSize(1);
    assertThat(recipe.objects().resourceFlavors()).allSatisfy(f -> assertThat(f.topologyName()).isPresent());
  }

  @Test
  void the_jobset_is_admitted_into_one_rack_and_its_copy_is_refused_for_quota_though_the_nodes_hold_it() {
    PlacementResult r = KueueGpuQueueExample.admit();

    GangResult first = r.gangs().get(0);
    assertThat(first.fits()).isTrue();
    assertThat(first.admission()).isPresent();
    assertThat(first.podSets().get(0).topologyAssignment().orElseThrow().domains())
        .extracting(d -> d.values().get(1)).containsOnly(first.podSets().get(0).topologyAssignment().get().domains().get(0).values().get(1));
    GangResult second = r.gangs().get(1);
    assertThat(second.fits()).isFalse();
    assertThat(second.reasons().get(0).code()).isEqualTo(SchedulingCode.KUEUE_QUOTA_UNAVAILABLE.name());
    assertThat(second.reasons().get(0).message()).contains("insufficient unused quota for nvidia.com/gpu").endsWith("128 more needed");
  }

  @Test
  void the_program_prints_the_admission_and_the_yaml_to_apply() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    KueueGpuQueueExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out).contains("admitted true").contains("kind: ClusterQueue").contains("kind: JobSet").contains("kueue.x-k8s.io/queue-name: gpu");
  }
}
