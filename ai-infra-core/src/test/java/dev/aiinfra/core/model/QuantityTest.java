package dev.aiinfra.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.core.model.quantity.ResourceList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantityTest {

  @ParameterizedTest(name = "{0} is canonically {1}")
  @CsvSource({
    "1000m, 1", "1024Mi, 1Gi", "1536Mi, 1536Mi", "0.5, 500m", "500m, 500m", "1e3, 1e3",
    "1000, 1k", "1Ki, 1Ki", "100Ki, 100Ki", "512, 512", "1.5Gi, 1536Mi", "0, 0", "-1, -1",
    "1E6, 1e6", "2k, 2k", "0.1Ki, 102400m", "1n, 1n", "1000000000n, 1", "12e-3, 12e-3", "1.5, 1500m",
    "8, 8", "10Gi, 10Gi", "0.0000000001, 1n"
  })
  void canonical_text_matches_the_api_server(String input, String canonical) {
    assertThat(Quantity.parse(input)).hasToString(canonical);
  }

  @Test
  void equal_values_are_equal_whatever_the_suffix() {
    assertThat(Quantity.parse("1Gi")).isEqualTo(Quantity.parse("1024Mi")).isEqualTo(Quantity.parse("1073741824"));
    assertThat(Quantity.parse("1")).isEqualTo(Quantity.parse("1000m"));
    assertThat(Quantity.parse("1Gi").hashCode()).isEqualTo(Quantity.parse("1073741824").hashCode());
  }

  @Test
  void comparison_is_by_value_not_by_text() {
    assertThat(Quantity.parse("900Mi")).isLessThan(Quantity.parse("1G"));
    assertThat(Quantity.parse("1G")).isLessThan(Quantity.parse("1Gi"));
    assertThat(Quantity.parse("100m")).isGreaterThan(Quantity.parse("99999u"));
  }

  @Test
  void arithmetic_is_exact() {
    Quantity sum = Quantity.parse("0.1").plus(Quantity.parse("0.2"));
    assertThat(sum).isEqualTo(Quantity.parse("300m"));
    assertThat(Quantity.parse("8").times(3).minus(Quantity.parse("4"))).isEqualTo(Quantity.of(20));
  }

  @Test
  void milli_and_whole_values_round_up() {
    assertThat(Quantity.parse("250m").milliValue()).isEqualTo(250);
    assertThat(Quantity.parse("1.0001").milliValue()).isEqualTo(1001);
    assertThat(Quantity.parse("1500m").longValue()).isEqualTo(2);
  }

  @Test
  void malformed_text_is_rejected_with_the_api_regex() {
    assertThatThrownBy(() -> Quantity.parse("1.5 Gi"))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("quantities must match the regular expression");
    assertThat(Quantity.isValid("12Zi")).isFalse();
    assertThat(Quantity.isValid("1Ki")).isTrue();
  }

  @Test
  void resource_lists_add_and_compare_extended_resources() {
    ResourceList node = ResourceList.of("cpu", "64", "memory", "512Gi", "nvidia.com/gpu", "8");
    ResourceList pod = ResourceList.of("cpu", "8", "memory", "64Gi", "nvidia.com/gpu", "2");
    assertThat(pod.times(4).fitsIn(node)).isTrue();
    assertThat(pod.times(5).exceeding(node)).containsExactly("nvidia.com/gpu");
    assertThat(node.minus(pod).get("nvidia.com/gpu")).isEqualTo(Quantity.of(6));
    assertThat(ResourceList.of("rdma/ib", "1").exceeding(node)).containsExactly("rdma/ib");
  }

  @Test
  void zero_entries_do_not_change_equality() {
    assertThat(ResourceList.of("cpu", "1", "memory", "0")).isEqualTo(ResourceList.of("cpu", "1000m"));
  }
}
