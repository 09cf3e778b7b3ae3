package dev.aiinfra.dra.policy;

import static dev.aiinfra.dra.policy.Hardware.GPU_DRIVER;
import static dev.aiinfra.dra.policy.Hardware.NIC_DRIVER;
import static dev.aiinfra.dra.policy.Hardware.driverClass;
import static dev.aiinfra.dra.policy.Hardware.gpu;
import static dev.aiinfra.dra.policy.Hardware.nic;
import static dev.aiinfra.dra.policy.Hardware.slice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.dra.model.DeviceClassSpec;
import dev.aiinfra.dra.model.ResourceSliceSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 15 #8: {@link DraCluster}'s builder follows the conventions of every other value type's builder. */
class DraClusterBuilderTest {
  private static final ResourceSliceSpec GPUS = slice("n1-gpu", GPU_DRIVER, "n1", gpu("gpu-0", "pci0000:00"));
  private static final ResourceSliceSpec NICS = slice("n2-nic", NIC_DRIVER, "n2", nic("nic-0", "pci0000:00"));

  @Test
  void classes_and_slices_are_added_one_at_a_time_as_varargs_or_from_an_iterable() {
    DraCluster one = DraCluster.builder().addClass(driverClass("gpu", GPU_DRIVER)).addClass(driverClass("nic", NIC_DRIVER))
        .addSlice(GPUS).addSlice(NICS).build();
    DraCluster varargs = DraCluster.builder().addClasses(driverClass("gpu", GPU_DRIVER), driverClass("nic", NIC_DRIVER))
        .addSlices(GPUS, NICS).build();
    Iterable<DeviceClassSpec> classes = List.of(driverClass("gpu", GPU_DRIVER), driverClass("nic", NIC_DRIVER));
    DraCluster iterable = DraCluster.builder().addAllClasses(classes).addAllSlices(List.of(GPUS, NICS)).build();

    assertThat(one).isEqualTo(varargs).isEqualTo(iterable);
    assertThat(one.slices()).containsExactly(GPUS, NICS);
    assertThat(one.deviceClass("nic")).contains(driverClass("nic", NIC_DRIVER));
  }

  @Test
  void from_copies_a_cluster_to_extend_it() {
    DraCluster base = DraCluster.builder().addClass(driverClass("gpu", GPU_DRIVER)).addSlice(GPUS).putNode("n1", Map.of("rack", "r1")).build();
    DraCluster extended = DraCluster.builder().from(base).addSlice(NICS).build();

    assertThat(extended.slices()).containsExactly(GPUS, NICS);
    assertThat(extended.deviceClass("gpu")).isPresent();
    assertThat(extended.nodeLabels("n1")).containsEntry("rack", "r1");
    assertThat(base.slices()).containsExactly(GPUS);
  }

  @Test
  void nodes_are_put_one_at_a_time_or_as_a_map_and_listed_with_slice_nodes_in_name_order() {
    DraCluster c = DraCluster.builder().addSlice(NICS).putNode("n3", Map.of()).putAllNodes(Map.of("n1", Map.of("rack", "r1"))).build();

    assertThat(c.nodeNames()).containsExactly("n1", "n2", "n3");
    assertThat(c.nodeLabels("n1")).containsEntry("rack", "r1");
    assertThat(c.nodeLabels("n2")).isEmpty();
  }

  @Test
  void a_class_given_twice_counts_once_as_its_last_entry() {
    DeviceClassSpec first = driverClass("gpu", GPU_DRIVER);
    DeviceClassSpec second = driverClass("gpu", NIC_DRIVER);
    DraCluster c = DraCluster.builder().addClasses(first, second).build();

    assertThat(c.deviceClasses()).containsExactly(second);
    assertThat(c.deviceClass("gpu")).contains(second);
  }
}
