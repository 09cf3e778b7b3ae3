package dev.aiinfra.observability.model.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiinfra.core.model.InvalidSpecException;
import org.junit.jupiter.api.Test;

class RuleSetTest {
  static AlertRule alert(String name) {
    return AlertRule.builder().alert(name).expr("up == 0").build();
  }

  @Test
  void two_alerts_with_one_name_are_refused_even_in_different_groups() {
    assertThatThrownBy(() -> RuleSet.builder().name("r").namespace("ns")
        .addGroup(RuleGroup.builder().name("a").addRule(alert("TargetDown")).build())
        .addGroup(RuleGroup.builder().name("b").addRule(alert("TargetDown")).build()).build())
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("TargetDown");
  }

  @Test
  void two_groups_with_one_name_are_refused() {
    assertThatThrownBy(() -> RuleSet.builder().name("r").namespace("ns")
        .addGroup(RuleGroup.builder().name("a").addRule(alert("A")).build())
        .addGroup(RuleGroup.builder().name("a").addRule(alert("B")).build()).build())
        .isInstanceOf(InvalidSpecException.class);
  }

  @Test
  void one_recorded_series_may_be_written_by_rules_with_different_labels() {
    RecordingRule a = RecordingRule.builder().record("job:x:sum").expr("sum(x)").putLabel("window", "5m").build();
    RecordingRule b = RecordingRule.builder().record("job:x:sum").expr("sum(x)").putLabel("window", "1h").build();
    assertThat(RuleSet.builder().name("r").namespace("ns").addGroup(RuleGroup.builder().name("g").addRules(a, b).build()).build().recordingRules())
        .hasSize(2);
  }

  @Test
  void a_recording_rule_name_without_a_level_colon_is_refused() {
    assertThatThrownBy(() -> RecordingRule.builder().record("gpu_util").expr("x").build()).isInstanceOf(InvalidSpecException.class);
  }

  @Test
  void a_malformed_for_duration_is_refused() {
    assertThatThrownBy(() -> AlertRule.builder().alert("A").expr("x").forDuration("5 minutes").build()).isInstanceOf(InvalidSpecException.class);
  }
}
