package dev.aiinfra.sandbox.render.pss;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import org.junit.jupiter.api.Test;

class PodSecurityTreesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void a_list_field_written_as_a_map_is_refused_at_its_path_not_a_crash() throws Exception {
    JsonNode spec = JSON.readTree("{\"containers\": {\"name\": \"w\"}, \"volumes\": {\"a\": \"b\"}}");
    PodSecurityReading r = PodSecurityTrees.read(JSON.createObjectNode(), spec, FieldPath.of("spec.template.spec"));
    assertThat(r.violations()).extracting(FieldViolation::toString)
        .containsExactlyInAnyOrder("spec.template.spec.volumes: Invalid value: must be a list", "spec.template.spec.containers: Invalid value: must be a list");
  }
}
