package dev.aiinfra.core.read.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonMessagesTest {
  @Test
  void java_type_names_become_the_kind_of_value_they_hold() {
    assertThat(JsonMessages.plain("Value \"1e1585899345920\" can not be deserialized as `java.math.BigDecimal`, reason: Too many nonzero exponent digits."))
        .isEqualTo("Value \"1e1585899345920\" can not be deserialized as a number, reason: Too many nonzero exponent digits.");
    assertThat(JsonMessages.plain("Cannot deserialize value of type `java.lang.String` from Object value")).isEqualTo(
        "Cannot deserialize value of type a string from Object value");
  }

  @Test
  void source_locations_become_a_line_and_column_and_reference_chains_are_dropped() {
    assertThat(JsonMessages.plain("Unexpected end-of-input (start marker at [Source: REDACTED (`StreamReadFeature.X` disabled); line: 1, column: 7])"
        + " (through reference chain: io.fabric8.X[\"a\"])")).isEqualTo("Unexpected end-of-input (start marker at line 1, column 7)");
  }
}
