package dev.aiinfra.dra.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.dra.model.AttributeValue;
import dev.aiinfra.dra.model.CelSelector;
import dev.aiinfra.dra.model.Device;
import dev.aiinfra.dra.model.DeviceCapacity;
import org.junit.jupiter.api.Test;

/** The typed selector builder produces expressions DRA's CEL environment compiles and evaluates as meant. */
class CelSelectorTest {
  private static final Device GPU = Device.builder().name("gpu-0")
      .putAttribute("productName", AttributeValue.ofString("H100 \"SXM\""))
      .putAttribute("driverVersion", AttributeValue.ofVersion("1.10.0"))
      .putAttribute("numa", AttributeValue.ofInt(1))
      .putAttribute("mig", AttributeValue.ofBool(true))
      .putCapacity("memory", DeviceCapacity.of("80Gi"))
      .build();

  private static boolean eval(CelSelector s) {
    return DeviceCel.matches(s.expression(), DeviceCel.activation("gpu.example.com", GPU));
  }

  @Test
  void driver_and_string_attributes_with_escaping() {
    assertThat(eval(CelSelector.driver("gpu.example.com").and(CelSelector.attribute("gpu.example.com/productName").equalTo("H100 \"SXM\"")))).isTrue();
    assertThat(eval(CelSelector.driver("nic.example.com"))).isFalse();
  }

  @Test
  void capacities_compare_as_quantities() {
    assertThat(eval(CelSelector.capacity("gpu.example.com/memory").atLeast("80G"))).isTrue();
    assertThat(eval(CelSelector.capacity("gpu.example.com/memory").atLeast("81Gi"))).isFalse();
    assertThat(eval(CelSelector.capacity("gpu.example.com/memory").equalTo("80Gi"))).isTrue();
  }

  @Test
  void versions_compare_as_semver() {
    assertThat(eval(CelSelector.attribute("gpu.example.com/driverVersion").versionAtLeast("1.9.0"))).isTrue();
    assertThat(eval(CelSelector.attribute("gpu.example.com/driverVersion").versionBelow("1.9.0"))).isFalse();
  }

  @Test
  void standard_macros_has_all_exists_and_map_are_available() {
    java.util.Map<String, Object> d = DeviceCel.activation("gpu.example.com", GPU);
    assertThat(DeviceCel.matches("has(device.attributes[\"gpu.example.com\"].numa)", d)).isTrue();
    assertThat(DeviceCel.matches("has(device.attributes[\"gpu.example.com\"].model)", d)).isFalse();
    assertThat(DeviceCel.matches("[1, 2].all(x, x > 0) && [1, 2].exists(x, x == 2) && [1].map(x, x * 2) == [2]", d)).isTrue();
  }

  @Test
  void integers_booleans_lists_existence_and_negation() {
    assertThat(eval(CelSelector.attribute("gpu.example.com/numa").atLeast(1))).isTrue();
    assertThat(eval(CelSelector.attribute("gpu.example.com/mig").isTrue())).isTrue();
    assertThat(eval(CelSelector.attribute("gpu.example.com/productName").in("A100", "H100 \"SXM\""))).isTrue();
    assertThat(eval(CelSelector.attribute("gpu.example.com/missing").exists())).isFalse();
    assertThat(eval(CelSelector.attribute("other.io/x").exists().negate())).isTrue();
    assertThat(eval(CelSelector.anyOf(CelSelector.driver("x.io"), CelSelector.shareable().negate()))).isTrue();
  }

  @Test
  void rejects_unqualified_names_bad_quantities_and_bad_versions() {
    assertThatThrownBy(() -> CelSelector.attribute("numa")).isInstanceOf(InvalidSpecException.class).hasMessageContaining("fully qualified");
    assertThatThrownBy(() -> CelSelector.capacity("gpu.example.com/memory").atLeast("lots")).isInstanceOf(InvalidSpecException.class);
    assertThatThrownBy(() -> CelSelector.attribute("gpu.example.com/v").versionAtLeast("1.2")).isInstanceOf(InvalidSpecException.class);
    assertThatThrownBy(() -> CelSelector.attribute("gpu.example.com/1x")).isInstanceOf(InvalidSpecException.class);
  }

  @Test
  void compile_errors_and_non_boolean_results_are_selector_errors() {
    assertThatThrownBy(() -> DeviceCel.compile("device.driver ==")).isInstanceOf(CelSelectorException.class);
    assertThatThrownBy(() -> DeviceCel.compile("1 + 1")).isInstanceOf(CelSelectorException.class).hasMessageContaining("boolean");
    assertThatThrownBy(() -> DeviceCel.matches("device.driver", DeviceCel.activation("gpu.example.com", GPU)))
        .isInstanceOf(CelSelectorException.class).hasMessageContaining("boolean");
  }
}
