package dev.aiinfra.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.golden.Golden;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.read.ManifestReader;
import dev.aiinfra.core.read.SourcedObject;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClassBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestWriterTest {

  static HasMetadata pod() {
    return new PodBuilder()
        .withNewMetadata().withName("trainer").withNamespace("ml").addToLabels("app", "trainer").endMetadata()
        .withNewSpec()
        .addNewContainer().withName("main").withImage("trainer:1.0")
        .withCommand("python", "-c", "print('hi')\nprint('there')\n")
        .withNewResources().addToLimits("nvidia.com/gpu", new Quantity("8")).endResources()
        .endContainer()
        .addNewVolume().withName("scratch").withNewEmptyDir().endEmptyDir().endVolume()
        .endSpec()
        .build();
  }

  static ManifestBundle sample() {
    GenericKubernetesResource workload =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("scheduling.k8s.io/v1alpha2").withKind("Workload")
            .withNewMetadata().withName("train").withNamespace("ml").endMetadata()
            .withAdditionalProperties(Map.of("spec", Map.of("podGroupTemplates", List.of(Map.of("name", "workers", "schedulingPolicy", Map.of("gang", Map.of("minCount", 4)))))))
            .build();
    return ManifestBundle.of(
        pod(),
        workload,
        new ServiceBuilder().withNewMetadata().withName("trainer").withNamespace("ml").endMetadata().withNewSpec().withClusterIP("None").endSpec().build(),
        new ConfigMapBuilder().withNewMetadata().withName("cfg").withNamespace("ml").endMetadata()
            .addToData("enabled", "true").addToData("port", "8080").addToData("mode", "0777").addToData("day", "2024-01-01").addToData("empty", "")
            .build(),
        new DeviceClassBuilder().withNewMetadata().withName("gpu.example.com").endMetadata().withNewSpec().addNewSelector().withNewCel().withExpression("device.driver == \"gpu.example.com\"").endCel().endSelector().endSpec().build(),
        new NamespaceBuilder().withNewMetadata().withName("ml").endMetadata().build());
  }

  @Test
  void the_sample_bundle_matches_its_golden_yaml() {
    Golden.assertMatches("bundle.yaml", sample().toYaml());
  }

  @Test
  void the_sample_bundle_matches_its_golden_json() {
    Golden.assertMatches("bundle.json", sample().toJson());
  }

  @Test
  void rendering_twice_gives_identical_bytes() {
    assertThat(sample().toYaml()).isEqualTo(sample().toYaml());
  }

  @Test
  void key_order_does_not_depend_on_insertion_order() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("zeta", 1);
    a.put("alpha", Map.of("y", 1, "x", 2));
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("alpha", Map.of("x", 2, "y", 1));
    b.put("zeta", 1);
    HasMetadata ga = new GenericKubernetesResourceBuilder().withApiVersion("example.com/v1").withKind("W").withNewMetadata().withName("w").endMetadata().withAdditionalProperties(Map.of("spec", a)).build();
    HasMetadata gb = new GenericKubernetesResourceBuilder().withApiVersion("example.com/v1").withKind("W").withNewMetadata().withName("w").endMetadata().withAdditionalProperties(Map.of("spec", b)).build();
    assertThat(ManifestWriter.yaml(ga)).isEqualTo(ManifestWriter.yaml(gb)).contains("spec:\n  alpha:\n    x: 2\n    y: 1\n  zeta: 1\n");
  }

  @Test
  void strings_that_look_like_other_types_are_quoted() {
    String yaml = sample().toYaml();
    assertThat(yaml).contains("enabled: 'true'").contains("port: '8080'").contains("mode: '0777'").contains("day: '2024-01-01'").contains("empty: ''");
  }

  @Test
  void objects_come_out_in_apply_order() {
    assertThat(sample().objects()).extracting(HasMetadata::getKind)
        .containsExactly("Namespace", "DeviceClass", "ConfigMap", "Workload", "Service", "Pod");
  }

  @Test
  void a_bundle_refuses_duplicates_and_nameless_objects() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ManifestBundle.of(pod(), pod(), new PodBuilder().build()))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e -> assertThat(e.violations())
                .extracting(v -> v.field() + " " + v.type())
                .containsExactly("objects[1] Duplicate", "objects[2].metadata.name Required"));
  }

  @Test
  void written_yaml_reads_back_to_the_same_objects() {
    ManifestBundle original = sample();
    List<SourcedObject> back = ManifestReader.withDefaults().readString("round.yaml", original.toYaml());
    ManifestBundle again = ManifestBundle.of(back.stream().map(SourcedObject::object).toList());
    assertThat(again.toYaml()).isEqualTo(original.toYaml());
  }
}
