package dev.aiinfra.core.model.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.SpecPart;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The outer value collects its parts' violations below the path that holds each part. */
class NestedViolationsTest {
  private static final SpecPart BROKEN = () -> List.of(
      FieldViolation.invalid(FieldPath.of("tp"), 0, "must be at least 1"),
      FieldViolation.required(FieldPath.root(), "exactly one of a or b"));
  private static final SpecPart VALID = List::of;

  @Test
  void a_part_s_violations_are_reported_below_its_path() {
    List<FieldViolation> found = new Violations().nested(FieldPath.of("decode"), BROKEN).list();

    assertThat(found).extracting(FieldViolation::field).containsExactly("decode.tp", "decode");
  }

  @Test
  void each_part_of_a_list_is_reported_below_its_index() {
    List<FieldViolation> found = new Violations().nested(FieldPath.of("roles"), List.of(VALID, BROKEN)).list();

    assertThat(found).extracting(FieldViolation::field).containsExactly("roles[1].tp", "roles[1]");
  }

  @Test
  void a_part_used_on_its_own_throws_every_violation_together() {
    InvalidSpecException e = catchThrowableOfType(BROKEN::requireValid, InvalidSpecException.class);

    assertThat(e.violations()).hasSize(2);
  }

  @Test
  void a_valid_part_used_on_its_own_passes() {
    assertThatCode(VALID::requireValid).doesNotThrowAnyException();
  }
}
