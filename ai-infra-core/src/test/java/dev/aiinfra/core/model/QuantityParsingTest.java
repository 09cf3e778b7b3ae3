package dev.aiinfra.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiinfra.core.model.quantity.Quantity;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Quantity#parse} reads text as the API server does (issue 14, class 3). The expected values
 * are apimachinery v0.36.3's: {@code resource.ParseQuantity(strings.TrimSpace(s)).AsDec()}.
 */
class QuantityParsingTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = '|', value = {
    "1E | 1000000000000000000",
    "1.E | 1000000000000000000",
    "9Ei | 9223372036854775807",
    "-9Ei | -9223372036854775807",
    "1000000Ei | 9223372036854775807",
    "100000000000000000000 | 100000000000000000000",
    "9223372036854775807k | 9223372036854775807000",
    "1.5Gi | 1610612736",
    "0.5Ki | 512",
    "1.1Ki | 1126.4",
    "+ | 0",
    "- | 0",
    ". | 0",
    "Gi | 0",
    "00Gi | 0",
    "1e-1000 | 0.000000001",
    "1e4294967296 | 1",
    "1e+3 | 1000",
    "0.5n | 0.000000001",
    "-0.5n | -0.000000001",
    "0.000000000000001Ki | 0.000000001",
    "1.0000000001 | 1.000000001",
    "-.5 | -0.5",
    "0.1m | 0.0001",
    "12e-3 | 0.012",
    "1e01 | 10",
    "1.5Ei | 1729382256910270464",
    "0.00000000001Gi | 0.010737419",
  })
  void values_match_apimachinery(String text, String expected) {
    assertThat(Quantity.parse(text).value()).isEqualByComparingTo(new BigDecimal(expected));
  }

  @Test
  void one_exa_is_a_decimal_suffix_not_an_exponent() {
    Quantity exa = Quantity.parse("1E");
    assertThat(exa).hasToString("1E");
    assertThat(exa.longValue()).isEqualTo(1_000_000_000_000_000_000L);
  }

  @Test
  void binary_values_past_int64_are_capped_like_the_api_server_does() {
    assertThat(Quantity.parse("9Ei")).isEqualTo(Quantity.parse("8Ei")).hasToString("9223372036854775807");
    assertThat(Quantity.parse("9Ei").hasLongValue()).isTrue();
  }

  @Test
  void decimal_values_past_int64_are_kept_as_the_api_server_stores_them() {
    Quantity q = Quantity.parse("100000000000000000000");
    assertThat(q).hasToString("100E");
    assertThat(q.hasLongValue()).isFalse();
    assertThatThrownBy(q::longValue).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void int64_counts_say_where_go_would_wrap() {
    assertThat(Quantity.parse("9223372036854775807").hasLongValue()).isTrue();
    assertThat(Quantity.parse("9223372036854775807").hasMilliValue()).isFalse();
    assertThat(Quantity.parse("9223372036854775.807k").hasMilliValue()).isFalse();
    assertThat(Quantity.parse("9223372036854775807m").hasMilliValue()).isTrue();
  }

  @Test
  void surrounding_white_space_is_trimmed_as_the_json_decoder_does() {
    assertThat(Quantity.parse(" 1Gi\t")).isEqualTo(Quantity.parse("1Gi"));
    assertThat(Quantity.parse("\u00a02\u0085")).isEqualTo(Quantity.of(2));
  }

  @ParameterizedTest(name = "\"{0}\" is refused: {1}")
  @CsvSource(delimiter = '|', value = {
    "abc | quantities must match the regular expression",
    "1.5.3Gi | quantities must match the regular expression",
    "1GB | quantities must match the regular expression",
    "1KiB | quantities must match the regular expression",
    "'' | quantities must match the regular expression",
    "' ' | quantities must match the regular expression",
    "1E1E | quantities must match the regular expression",
    "1Mi1 | unable to parse quantity's suffix",
    "1k1 | unable to parse quantity's suffix",
    "1K | unable to parse quantity's suffix",
    "1e | unable to parse quantity's suffix",
    "+-5 | unable to parse quantity's suffix",
    "1e99999999999999999999 | unable to parse quantity's suffix",
  })
  void malformed_text_gets_the_api_servers_reason(String text, String reason) {
    assertThatThrownBy(() -> Quantity.parse(text)).isInstanceOf(InvalidSpecException.class).hasMessageContaining(reason);
    assertThat(Quantity.isValid(text)).isFalse();
  }

  @Test
  void a_magnitude_up_to_1e1000_is_read() {
    assertThat(Quantity.parse("1e1000")).hasToString("10e999");
    assertThat(Quantity.parse("9.99e999").signum()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e1001", "2e1000", "10001e997"})
  void a_magnitude_past_1e1000_is_refused_as_an_ai_infra_limit(String text) {
    assertThatThrownBy(() -> Quantity.parse(text)).isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("ai-infra reads quantities up to 1e1000");
  }

  @Test
  void a_binary_value_of_any_size_is_capped_not_refused() {
    assertThat(Quantity.parse("9".repeat(1000) + "Ei").value()).isEqualByComparingTo(BigDecimal.valueOf(Long.MAX_VALUE));
  }

  @Test
  @Timeout(10) // a hang guard: the text is scanned once, never converted digit by digit
  void more_than_1000_digits_are_refused_as_an_ai_infra_limit() {
    assertThatThrownBy(() -> Quantity.parse("1".repeat(5_000_000))).isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("at most 1000 digits");
    assertThat(Quantity.parse("0".repeat(5_000_000) + "1")).isEqualTo(Quantity.of(1));
  }

  @Test
  void a_tiny_value_with_a_huge_negative_exponent_is_one_nano() {
    assertThat(Quantity.parse("5e-2000000000").value()).isEqualByComparingTo("0.000000001");
    assertThat(Quantity.parse("0e2000000000").isZero()).isTrue();
  }
}
