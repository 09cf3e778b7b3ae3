package dev.aiinfra.core.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DnsTuneInputsTest {
  private static final String POD = "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers: [{name: c, image: x}]\n";

  private static List<SourcedObject> read(String yaml) {
    return ManifestReader.withDefaults().readString("pods.yaml", yaml);
  }

  @Test
  void valid_objects_become_one_bundle() {
    assertThat(DnsTuneInputs.bundle(read(POD)).objects()).hasSize(1);
  }

  @Test
  void an_invalid_dns_config_is_refused_with_its_file_document_and_field() {
    String bad = POD.replace("name: web", "name: api").replace("spec:\n", "spec:\n  dnsConfig:\n    options:\n    - value: '3'\n");

    assertThatThrownBy(() -> DnsTuneInputs.bundle(read(POD + "---\n" + bad)))
        .isInstanceOfSatisfying(ManifestReadException.class, e -> assertThat(e.errors())
            .singleElement()
            .satisfies(error -> {
              assertThat(error.source()).isEqualTo("pods.yaml");
              assertThat(error.document()).hasValue(1);
              assertThat(error.field()).startsWith("spec.dnsConfig.options[0]");
            }));
  }

  @Test
  void an_object_given_twice_is_refused() {
    assertThatThrownBy(() -> DnsTuneInputs.bundle(read(POD + "---\n" + POD))).isInstanceOf(ManifestReadException.class);
  }
}
