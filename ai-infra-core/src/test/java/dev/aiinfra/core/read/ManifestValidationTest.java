package dev.aiinfra.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.FieldErrorType;
import dev.aiinfra.core.render.validation.ObjectValidator;
import dev.aiinfra.core.render.validation.ObjectVerdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code validate}'s decisions over a whole input: per-object verdicts, repeats, unknown kinds. */
class ManifestValidationTest {
  private static final String CONFIG_MAP = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: ml}\n";
  private static final String WIDGET = "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n";

  private static List<SourcedObject> read(String yaml) {
    return ManifestReader.withDefaults().readString("in.yaml", yaml);
  }

  private static ManifestValidation validate(String yaml, boolean ignoreUnknownKinds) {
    return ManifestValidation.validate(read(yaml), ObjectValidator.core(), ignoreUnknownKinds);
  }

  @Test
  void an_input_of_valid_objects_is_valid() {
    ManifestValidation v = validate(CONFIG_MAP, false);
    assertThat(v.valid()).isTrue();
    assertThat(v.objects()).extracting(ValidatedObject::verdict).containsExactly(ObjectVerdict.VALID);
  }

  @Test
  void a_repeated_object_is_invalid_and_names_where_it_first_appeared() {
    ManifestValidation v = validate(CONFIG_MAP + "---\n" + CONFIG_MAP, false);
    assertThat(v.objects()).extracting(ValidatedObject::verdict).containsExactly(ObjectVerdict.VALID, ObjectVerdict.INVALID);
    assertThat(v.objects().get(1).violations()).singleElement().satisfies(f -> {
      assertThat(f.type()).isEqualTo(FieldErrorType.Duplicate);
      assertThat(f.message()).contains("in.yaml: document 0");
    });
    assertThat(v.valid()).isFalse();
    assertThat(v.invalidCount()).isEqualTo(1);
  }

  @Test
  void an_unknown_kind_is_not_checked_and_fails_the_input() {
    ManifestValidation v = validate(WIDGET, false);
    assertThat(v.objects()).extracting(ValidatedObject::verdict).containsExactly(ObjectVerdict.NOT_CHECKED);
    assertThat(v.valid()).isFalse();
    assertThat(v.unknownKindCount()).isEqualTo(1);
    assertThat(v.invalidCount()).isZero();
  }

  @Test
  void ignoring_unknown_kinds_accepts_one_with_valid_metadata() {
    ManifestValidation v = validate(WIDGET, true);
    assertThat(v.objects()).extracting(ValidatedObject::verdict).containsExactly(ObjectVerdict.UNKNOWN_KIND_ACCEPTED);
    assertThat(v.valid()).isTrue();
  }

  @Test
  void each_result_keeps_its_file_and_document() {
    ManifestValidation v = validate(CONFIG_MAP + "---\n" + WIDGET, false);
    assertThat(v.objects()).extracting(o -> o.source().origin()).containsExactly("in.yaml: document 0", "in.yaml: document 1");
  }
}
