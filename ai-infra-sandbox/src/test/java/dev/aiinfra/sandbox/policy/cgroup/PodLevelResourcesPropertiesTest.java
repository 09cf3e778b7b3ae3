package dev.aiinfra.sandbox.policy.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.json.Json;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.workload.ContainerAggregate;
import dev.aiinfra.core.read.ManifestReader;
import dev.aiinfra.core.read.SourcedObject;
import dev.aiinfra.core.render.PodResources;
import dev.aiinfra.sandbox.model.cgroup.CgroupSettings;
import dev.aiinfra.sandbox.read.CgroupPodReader;
import dev.aiinfra.testing.Gen;
import dev.aiinfra.testing.Property;
import dev.aiinfra.testing.Seeds;
import io.fabric8.kubernetes.api.model.Pod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of pod-level resources (KEP-2837) over generated pods the API server accepts: the
 * scheduler's pod request never drops below what the kubelet gives the containers, and it is the
 * request the kubelet sizes the pod cgroup with.
 */
class PodLevelResourcesPropertiesTest {
  private static final CgroupSettings ON = CgroupSettings.builder().kubernetesMinor(36).build();

  static LongStream seeds() {
    return Seeds.of(6);
  }

  /** A generated pod with pod-level resources, read once as the commands read it. */
  private record Sample(SourcedObject object, CgroupPod pod) {}

  private static Gen<Sample> samples() {
    return r -> {
      CgroupGenerators.PodResources p = CgroupGenerators.pod().next(r);
      String json;
      try {
        json = Json.mapper().writeValueAsString(CgroupGenerators.manifest("p", p, CgroupGenerators.podLevel(p).next(r)));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      SourcedObject o = ManifestReader.withDefaults().readString("p.yaml", json).get(0);
      return new Sample(o, CgroupPodReader.read(o));
    };
  }

  private static long milli(ResourceList r) {
    return r.has("cpu") ? r.get("cpu").value().movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact() : 0;
  }

  private static boolean wholeMillicores(CgroupPod pod) {
    java.util.List<ResourceList> lists = new java.util.ArrayList<>();
    pod.all().forEach(c -> {
      lists.add(c.requests());
      lists.add(c.limits());
    });
    lists.add(pod.overhead());
    pod.resources().ifPresent(r -> {
      lists.add(r.requests());
      lists.add(r.limits());
    });
    return lists.stream().allMatch(l -> !l.has("cpu") || l.get("cpu").value().stripTrailingZeros().scale() <= 3);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void pod_level_resources_never_lower_the_schedulers_request_below_the_containers(long seed) {
    Property.forAll(seed, samples(), 300, s -> {
      ResourceList scheduler = PodResources.effectiveRequests(((Pod) s.object().object()).getSpec());
      ResourceList containers = ContainerAggregate.requests(s.pod().initContainers(), s.pod().containers()).plus(s.pod().overhead());
      for (String res : new String[] {"cpu", "memory"}) {
        BigDecimal ours = scheduler.has(res) ? scheduler.get(res).value() : BigDecimal.ZERO;
        BigDecimal theirs = containers.has(res) ? containers.get(res).value() : BigDecimal.ZERO;
        assertThat(ours).as(res).isGreaterThanOrEqualTo(theirs);
      }
    });
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void the_kubelet_sizes_the_pod_cgroup_with_the_schedulers_cpu_request(long seed) {
    Property.forAll(seed, samples(), 300, s -> {
      PodCgroup c = PodCgroups.compute(s.pod(), ON);
      // API defaulting rounds every stored quantity up to a millicore first; the scheduler here reads
      // the manifest as written, so compare where nothing needs that rounding
      if (c.qos() != QosClass.BestEffort && wholeMillicores(s.pod())) {
        long request = milli(PodResources.effectiveRequests(((Pod) s.object().object()).getSpec()));
        assertThat(c.podCpuShares()).isEqualTo(CpuConversions.sharesFromMilliCpu(request));
      }
    });
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void the_cgroup_values_are_deterministic(long seed) {
    Property.forAll(seed, samples(), 200, s -> assertThat(PodCgroups.compute(s.pod(), ON)).isEqualTo(PodCgroups.compute(s.pod(), ON)));
  }
}
