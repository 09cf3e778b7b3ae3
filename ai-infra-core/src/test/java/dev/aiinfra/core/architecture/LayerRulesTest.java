package dev.aiinfra.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.aiinfra.core.json.Json;
import dev.aiinfra.core.read.ManifestReader;
import org.junit.jupiter.api.Test;

/** The new rules catch what they name (a rule that passes on anything would prove nothing). */
class LayerRulesTest {
  static final class OwnMapper {
    final ObjectMapper mapper = new ObjectMapper();
  }

  static final class BuiltMapper {
    final ObjectMapper mapper = JsonMapper.builder().build();
  }

  static final class CopiedMapper {
    final ObjectMapper mapper = Json.mapper().copy();
  }

  static final class SharedMapperUser {
    final ObjectMapper mapper = Json.mapper();
  }

  /** Public and named like a reader, but outside a read package. */
  public static final class StrayReader {}

  private static JavaClasses of(Class<?>... classes) {
    return new ClassFileImporter().importClasses(classes);
  }

  @Test
  void a_class_that_constructs_its_own_mapper_breaks_one_mapper() {
    assertThat(LayerRules.oneMapper().evaluate(of(OwnMapper.class)).hasViolation()).isTrue();
  }

  @Test
  void a_class_that_builds_its_own_mapper_breaks_one_mapper() {
    assertThat(LayerRules.oneMapper().evaluate(of(BuiltMapper.class)).hasViolation()).isTrue();
  }

  @Test
  void a_class_that_copies_the_shared_mapper_breaks_one_mapper() {
    assertThat(LayerRules.oneMapper().evaluate(of(CopiedMapper.class)).hasViolation()).isTrue();
  }

  @Test
  void the_shared_mapper_and_its_users_keep_one_mapper() {
    assertThat(LayerRules.oneMapper().evaluate(of(Json.class, SharedMapperUser.class)).hasViolation()).isFalse();
  }

  @Test
  void a_public_reader_outside_a_read_package_breaks_the_seam_rule() {
    assertThat(LayerRules.readersLiveInTheirSeam().evaluate(of(StrayReader.class)).hasViolation()).isTrue();
  }

  @Test
  void a_reader_in_a_read_package_keeps_the_seam_rule() {
    assertThat(LayerRules.readersLiveInTheirSeam().evaluate(of(ManifestReader.class)).hasViolation()).isFalse();
  }
}
