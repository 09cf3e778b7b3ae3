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
}
