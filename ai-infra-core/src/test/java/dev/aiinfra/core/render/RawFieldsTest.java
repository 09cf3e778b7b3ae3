package dev.aiinfra.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.json.Json;
import dev.aiinfra.core.model.FieldErrorType;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.InvalidSpecException;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RawFieldsTest {
  private static Pod pod() {
    return new PodBuilder().withNewMetadata().withName("p").addToLabels("app", "x").endMetadata()
        .withNewSpec().withPriority(10).addNewContainer().withName("c").withImage("i").endContainer().endSpec().build();
  }

  @Test
  void extra_fields_reach_the_output_unchanged() {
    Pod merged = RawFields.merge(pod(), Map.of("spec", Map.of("schedulingGroup", Map.of("podGroupName", "g"), "futureField", List.of(1, 2))));
    String yaml = ManifestWriter.yaml(merged);
    assertThat(yaml).contains("schedulingGroup:\n    podGroupName: g\n").contains("futureField:\n  - 1\n  - 2\n");
  }

  @Test
  void maps_merge_key_by_key() {
    Pod merged = RawFields.merge(pod(), Map.of("metadata", Map.of("labels", Map.of("team", "ml"))));
    assertThat(merged.getMetadata().getLabels()).containsEntry("app", "x").containsEntry("team", "ml");
  }

  @Test
  void an_equal_value_is_not_a_conflict() {
    assertThat(RawFields.merge(pod(), Map.of("spec", Map.of("priority", 10))).getSpec().getPriority()).isEqualTo(10);
  }

  @Test
  void a_number_typed_as_int_and_the_same_number_from_the_shared_mapper_are_not_a_conflict() {
    ObjectNode typed = JsonNodeFactory.instance.objectNode().put("replicas", 3);
    typed.putArray("ports").add(8080);
    JsonNode extra = Json.mapper().valueToTree(Map.of("replicas", 3, "ports", List.of(8080)));

    assertThat(RawFields.mergeTree(typed, extra, FieldPath.of("spec"))).isEmpty();
  }

  @Test
  void every_conflict_is_reported_with_its_path() {
    assertThatThrownBy(() -> RawFields.merge(pod(), Map.of("spec", Map.of("priority", 5, "containers", List.of()), "metadata", Map.of("labels", Map.of("app", "y")))))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.violations())
            .extracting(FieldViolation::field, FieldViolation::type)
            .containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("spec.priority", FieldErrorType.Forbidden),
                org.assertj.core.groups.Tuple.tuple("spec.containers", FieldErrorType.Forbidden),
                org.assertj.core.groups.Tuple.tuple("metadata.labels.app", FieldErrorType.Forbidden)));
  }

  @Test
  void the_original_object_is_not_changed() {
    Pod original = pod();
    RawFields.merge(original, Map.of("spec", Map.of("hostname", "h")));
    assertThat(original.getSpec().getHostname()).isNull();
  }
}
