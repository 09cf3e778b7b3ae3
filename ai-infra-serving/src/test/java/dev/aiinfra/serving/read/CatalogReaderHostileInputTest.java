package dev.aiinfra.serving.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aiinfra.core.read.InputError;
import dev.aiinfra.core.read.ManifestReadException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A catalog is read by core's safe reader: hostile YAML is refused with its path (issue 14). */
class CatalogReaderHostileInputTest {
  private static InputError refusal(String text) {
    ManifestReadException e = catchThrowableOfType(ManifestReadException.class,
        () -> CatalogReader.read("user.yaml", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).doesNotContain("java.", "Exception");
    return e.errors().get(0);
  }

  @Test
  void a_list_as_a_key_is_refused_with_its_path() {
    InputError e = refusal("gpus:\n- {id: x, [a]: 1}\n");
    assertThat(e.toString()).startsWith("user.yaml: document 0: gpus[0]: Invalid value: a map key must be a string, not a list");
  }

  @Test
  void a_recursive_alias_is_refused_with_its_path() {
    InputError e = refusal("models: &m [*m]\n");
    assertThat(e.toString()).startsWith("user.yaml: document 0: models[0]: Invalid value: the alias *m is inside the node &m");
  }

  @Test
  void aliases_of_scalars_count_towards_the_limit() {
    StringBuilder text = new StringBuilder("gpus:\n- id: &i x\n  sources: [");
    for (int i = 0; i < 51; i++) {
      text.append(i == 0 ? "" : ", ").append("*i");
    }
    assertThat(refusal(text + "]\n").rule()).startsWith("more than 50 aliases");
  }
}
