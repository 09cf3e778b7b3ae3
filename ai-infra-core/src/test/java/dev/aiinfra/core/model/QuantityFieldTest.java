package dev.aiinfra.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.core.model.quantity.QuantityField;
import dev.aiinfra.core.model.validation.Violations;
import org.junit.jupiter.api.Test;

/** The one reading rule for quantities in objects (issue 14, classes 3 and 7). */
class QuantityFieldTest {
  private static final FieldPath AT = FieldPath.of("spec.containers[0].resources.limits").key("memory");

  @Test
  void null_decodes_as_zero() {
    Violations v = new Violations();
    assertThat(QuantityField.decode(null, AT, v)).contains(Quantity.ZERO);
    assertThat(v.isEmpty()).isTrue();
  }

  @Test
  void malformed_text_is_an_invalid_violation_at_the_field_with_the_api_servers_reason() {
    Violations v = new Violations();
    assertThat(QuantityField.decode("1GB", AT, v)).isEmpty();
    assertThat(v.list()).singleElement().hasToString("spec.containers[0].resources.limits[memory]: Invalid value: \"1GB\": "
        + "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
  }

  @Test
  void a_megabyte_long_quantity_is_cut_in_the_message() {
    Violations v = new Violations();
    QuantityField.decode("1".repeat(1_000_000), AT, v);
    assertThat(v.list()).singleElement().asString()
        .isEqualTo("spec.containers[0].resources.limits[memory]: Invalid value: \"" + "1".repeat(40) + "… (1000000 characters)\": "
            + "ai-infra reads quantities of at most 1000 digits");
  }

  @Test
  void a_negative_resource_is_invalid_but_still_read() {
    Violations v = new Violations();
    assertThat(QuantityField.resource("-5", AT, v)).contains(Quantity.of(-5));
    assertThat(v.list()).singleElement().hasToString("spec.containers[0].resources.limits[memory]: Invalid value: \"-5\": must be greater than or equal to 0");
  }

  @Test
  void cpu_is_counted_in_millicores_and_everything_else_in_units() {
    Violations v = new Violations();
    assertThat(QuantityField.countable("memory", Quantity.parse("9223372036854775807"), AT, "the kubelet", v)).isTrue();
    assertThat(QuantityField.countable("cpu", Quantity.parse("9223372036854775807"), FieldPath.of("cpu"), "the kubelet", v)).isFalse();
    assertThat(v.list()).singleElement().asString().contains("the kubelet counts cpu in millicores as a 64-bit integer, at most 9223372036854775807m");
  }
}
