package dev.aiinfra.scheduling.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.scheduling.model.GangKeys;
import dev.aiinfra.scheduling.model.TopologyMode;
import dev.aiinfra.scheduling.model.TopologyRequest;
import org.junit.jupiter.api.Test;

/** A topology request handed to the renderer on its own, outside the gang that would check it. */
class TasAnnotationsTest {
  @Test
  void a_required_level_becomes_kueue_s_annotation() {
    assertThat(GangRenderer.tasAnnotations(TopologyRequest.required("topology.example.com/rack")))
        .containsEntry(GangKeys.KUEUE_REQUIRED_TOPOLOGY, "topology.example.com/rack");
  }

  @Test
  void an_invalid_request_is_refused_with_its_violations_not_a_missing_value() {
    TopologyRequest noLevel = TopologyRequest.builder().mode(TopologyMode.REQUIRED).build();

    InvalidSpecException e = catchThrowableOfType(() -> GangRenderer.tasAnnotations(noLevel), InvalidSpecException.class);

    assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("level");
  }

  @Test
  void multi_layer_slices_write_every_layer_in_kueue_s_list_and_not_the_single_layer_keys() {
    TopologyRequest layered = TopologyRequest.builder().mode(TopologyMode.REQUIRED).level("block").sliceLevel("rack").sliceSize(8)
        .addInnerSliceLayers(new TopologyRequest.SliceLayer("kubernetes.io/hostname", 4)).build();

    assertThat(GangRenderer.tasAnnotations(layered))
        .containsEntry(GangKeys.KUEUE_SLICE_REQUIRED_TOPOLOGY_CONSTRAINTS,
            "[{\"topology\":\"rack\",\"size\":8},{\"topology\":\"kubernetes.io/hostname\",\"size\":4}]")
        .doesNotContainKeys(GangKeys.KUEUE_SLICE_REQUIRED_TOPOLOGY, GangKeys.KUEUE_SLICE_SIZE);
  }

  @Test
  void rendered_multi_layer_slices_read_back_as_the_same_request() {
    TopologyRequest layered = TopologyRequest.builder().mode(TopologyMode.PREFERRED).level("block").sliceLevel("rack").sliceSize(8)
        .addInnerSliceLayers(new TopologyRequest.SliceLayer("kubernetes.io/hostname", 4)).build();

    assertThat(dev.aiinfra.scheduling.read.GangInputs.topologyRequest(GangRenderer.tasAnnotations(layered))).contains(layered);
  }
}
