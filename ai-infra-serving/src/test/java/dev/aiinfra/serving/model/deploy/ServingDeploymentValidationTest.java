package dev.aiinfra.serving.model.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.serving.model.deploy.ServingRole.Phase;
import org.junit.jupiter.api.Test;

/** Issue 15 #8: building a deployment reports every violation of it and of its roles at once, with full paths. */
class ServingDeploymentValidationTest {
  private static ServingDeployment.Builder deployment() {
    return ServingDeployment.builder().name("qwen3").model("Qwen/Qwen3-32B");
  }

  @Test
  void every_role_violation_is_reported_with_the_outer_violations_at_full_paths() {
    InvalidSpecException e = catchThrowableOfType(() -> deployment().slices(0)
        .prefill(ServingRole.of(Phase.PREFILL, 1, 0, 8))
        .decode(ServingRole.of(Phase.DECODE, -1, 4, 0))
        .build(), InvalidSpecException.class);

    assertThat(e.violations()).extracting(FieldViolation::field)
        .containsExactlyInAnyOrder("slices", "prefill.tp", "decode.workers", "decode.batch");
  }

  @Test
  void a_role_is_reported_at_the_field_that_holds_it_whatever_its_phase() {
    InvalidSpecException e = catchThrowableOfType(() -> deployment()
        .decode(ServingRole.of(Phase.AGGREGATED, 1, 12, 64))
        .build(), InvalidSpecException.class);

    assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("decode.tp");
    assertThat(e.getMessage()).contains("whole nodes");
  }

  @Test
  void a_role_on_its_own_lists_its_violations_relative_to_itself() {
    ServingRole role = ServingRole.of(Phase.DECODE, 1, 0, 0);

    assertThat(role.violations()).extracting(FieldViolation::field).containsExactly("tp", "batch");
  }

  @Test
  void a_node_size_of_zero_is_reported_not_divided_by() {
    InvalidSpecException e = catchThrowableOfType(() -> deployment().gpusPerNode(0)
        .decode(ServingRole.of(Phase.AGGREGATED, 1, 4, 64))
        .build(), InvalidSpecException.class);

    assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("gpusPerNode");
  }
}
