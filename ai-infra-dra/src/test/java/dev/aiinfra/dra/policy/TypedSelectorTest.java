package dev.aiinfra.dra.policy;

import static dev.aiinfra.dra.policy.Hardware.GPU_DRIVER;
import static dev.aiinfra.dra.policy.Hardware.allocate;
import static dev.aiinfra.dra.policy.Hardware.claim;
import static dev.aiinfra.dra.policy.Hardware.gpu;
import static dev.aiinfra.dra.policy.Hardware.slice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.dra.model.CelSelector;
import dev.aiinfra.dra.model.DeviceClassSpec;
import dev.aiinfra.dra.model.DeviceRequest;
import dev.aiinfra.dra.model.DeviceSelection;
import org.junit.jupiter.api.Test;

/** Issue 15 #8: a {@link CelSelector} goes wherever a selector is taken, without {@code .expression()}. */
class TypedSelectorTest {
  private static final CelSelector H100 = CelSelector.driver(GPU_DRIVER).and(CelSelector.attribute(GPU_DRIVER + "/model").equalTo("h100"));

  @Test
  void a_device_class_takes_a_typed_selector() {
    DeviceClassSpec c = DeviceClassSpec.builder().name("h100").addSelector(H100).build();
    assertThat(c.selectors()).containsExactly(H100.expression());
  }

  @Test
  void a_request_takes_typed_selectors_next_to_cel_text() {
    DeviceSelection s = DeviceSelection.builder().deviceClassName("gpu")
        .addSelectors(CelSelector.driver(GPU_DRIVER), CelSelector.capacity(GPU_DRIVER + "/memory").atLeast("40Gi"))
        .addSelector("device.attributes[\"gpu.example.com\"].model == \"h100\"")
        .build();
    assertThat(s.selectors()).containsExactly(CelSelector.driver(GPU_DRIVER).expression(),
        CelSelector.capacity(GPU_DRIVER + "/memory").atLeast("40Gi").expression(),
        "device.attributes[\"gpu.example.com\"].model == \"h100\"");
  }

  @Test
  void a_typed_selector_is_evaluated_as_it_is() {
    assertThat(DeviceCel.matches(H100, DeviceCel.activation(GPU_DRIVER, gpu("gpu-0", "pci0000:00")))).isTrue();
  }

  @Test
  void the_allocator_applies_a_class_built_from_typed_selectors() {
    DeviceClassSpec h100 = DeviceClassSpec.builder().name("h100").addSelector(H100).build();
    DeviceClassSpec a100 = DeviceClassSpec.builder().name("a100")
        .addSelector(CelSelector.attribute(GPU_DRIVER + "/model").equalTo("a100")).build();
    DraCluster cluster = DraCluster.builder().addClasses(h100, a100).addSlice(slice("n1-gpu", GPU_DRIVER, "n1", gpu("gpu-0", "pci0000:00"))).build();

    AllocationOutcome fits = allocate(cluster, "n1", claim("one", DeviceRequest.exactly("gpu", DeviceSelection.of("h100", 1))));
    AllocationOutcome none = allocate(cluster, "n1", claim("one", DeviceRequest.exactly("gpu", DeviceSelection.of("a100", 1))));

    assertThat(fits.status()).isEqualTo(AllocationStatus.ALLOCATED);
    assertThat(none.status()).isNotEqualTo(AllocationStatus.ALLOCATED);
  }
}
