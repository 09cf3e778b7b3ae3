package dev.aiinfra.core.render.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.read.ManifestReader;
import org.junit.jupiter.api.Test;

/** An object of a kind ai-infra has no model of is "not checked", never reported valid (issue 15, defect 2). */
class UnknownKindValidationTest {
  private static ObjectValidation validate(String yaml) {
    return ObjectValidator.core().validate(ManifestReader.withDefaults().readString("in.yaml", yaml).get(0).object());
  }

  @Test
  void an_object_of_an_unknown_kind_is_not_valid() {
    ObjectValidation v = validate("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: -3}\n");
    assertThat(v.kindKnown()).isFalse();
    assertThat(v.violations()).isEmpty();
    assertThat(v.valid()).isFalse();
  }

  @Test
  void ignoring_unknown_kinds_accepts_one_whose_metadata_is_valid() {
    assertThat(validate("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n").valid(true)).isTrue();
  }

  @Test
  void ignoring_unknown_kinds_still_reports_their_metadata() {
    ObjectValidation v = validate("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: Bad_Name}\n");
    assertThat(v.violations()).extracting(f -> f.field()).containsExactly("metadata.name");
    assertThat(v.valid(true)).isFalse();
  }

  @Test
  void built_in_kinds_are_known() {
    assertThat(validate("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n").kindKnown()).isTrue();
    assertThat(validate("apiVersion: resource.k8s.io/v1\nkind: DeviceClass\nmetadata: {name: gpu}\nspec: {}\n").kindKnown()).isTrue();
  }

  @Test
  void crd_kinds_ai_infra_models_are_known() {
    ObjectValidation v = validate("apiVersion: jobset.x-k8s.io/v1alpha2\nkind: JobSet\nmetadata: {name: js}\nspec: {replicatedJobs: []}\n");
    assertThat(v.kindKnown()).isTrue();
    assertThat(v.valid()).isTrue();
  }
}
