package dev.aiinfra.core.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The safe YAML/JSON reader on hostile input (issue 14): every refusal names the source, the
 * document, the field path and the rule, and no message carries a Java class name.
 */
class TreeReaderTest {
  private final TreeReader reader = TreeReader.withDefaults();

  private InputError refusal(String text) {
    ManifestReadException e = catchThrowableOfType(ManifestReadException.class, () -> reader.documents("in.yaml", text));
    assertThat(e).as("refused: %s", text.length() > 200 ? text.substring(0, 200) : text).isNotNull();
    assertThat(e.errors()).hasSize(1);
    InputError error = e.errors().get(0);
    assertThat(error.source()).isEqualTo("in.yaml");
    assertThat(error.rule()).doesNotContain("java.", "Exception", "Error", "class ");
    return error;
  }

  // failure class 1: map keys that are not strings

  @Test
  void a_null_map_key_is_refused_at_the_map_that_holds_it() {
    InputError e = refusal("apiVersion: v1\nkind: Pod\nmetadata: {name: p, ~: x}\n");
    assertThat(e.document()).hasValue(0);
    assertThat(e.field()).isEqualTo("metadata");
    assertThat(e.rule()).startsWith("Invalid value: a map key must be a string, not null").contains("line 3");
  }

  @Test
  void a_list_as_a_map_key_is_refused_at_the_map_that_holds_it() {
    InputError e = refusal("metadata:\n  labels: {[a, b]: x}\n");
    assertThat(e.field()).isEqualTo("metadata.labels");
    assertThat(e.rule()).startsWith("Invalid value: a map key must be a string, not a list");
  }

  @Test
  void a_map_as_a_map_key_is_refused_at_the_map_that_holds_it() {
    InputError e = refusal("spec:\n  containers:\n  - {name: c, {a: b}: x}\n");
    assertThat(e.field()).isEqualTo("spec.containers[0]");
    assertThat(e.rule()).startsWith("Invalid value: a map key must be a string, not a map");
  }

  @Test
  void an_alias_of_a_list_as_a_map_key_is_refused() {
    InputError e = refusal("l: &l [a]\nm: {*l : x}\n");
    assertThat(e.field()).isEqualTo("m");
    assertThat(e.rule()).contains("not a list");
  }

  @Test
  void integer_boolean_and_float_keys_become_their_text_as_kubectl_sends_them() {
    JsonNode doc = reader.documents("in.yaml", "data: {8080: a, true: b, 1.5: c, 1e6: d, 0x1F: e}\n").get(0);
    assertThat(doc.get("data").fieldNames()).toIterable().containsExactly("1.5", "1e+06", "31", "8080", "true");
  }

  @Test
  void a_float_past_the_double_range_stays_the_string_kubectl_reads() {
    JsonNode doc = reader.documents("in.yaml", "a: 1e1000\nb: -1e400\nc: .inf\nd: 1.5e3\n").get(0);
    assertThat(doc.get("a").isTextual()).isTrue();
    assertThat(doc.get("a").asText()).isEqualTo("1e1000");
    assertThat(doc.get("b").asText()).isEqualTo("-1e400");
    assertThat(doc.get("c").isDouble()).isTrue();
    assertThat(doc.get("d").decimalValue()).isEqualByComparingTo("1500");
  }

  @Test
  void a_map_with_string_and_integer_keys_reads_like_any_other() {
    JsonNode doc = reader.documents("in.yaml", "metadata: {name: p, 1: x}\n").get(0);
    assertThat(doc.get("metadata").get("1").asText()).isEqualTo("x");
  }

  @Test
  void an_integer_key_and_the_same_key_quoted_are_duplicates() {
    InputError e = refusal("data: {1: a, \"1\": b}\n");
    assertThat(e.field()).isEqualTo("data.1");
    assertThat(e.rule()).startsWith("Duplicate value: duplicate key \"1\"");
  }

  // failure class 2: recursive aliases

  @Test
  void a_self_referencing_alias_is_refused_where_it_occurs() {
    InputError e = refusal("apiVersion: v1\nkind: Pod\nmetadata: &m {name: p, self: *m}\n");
    assertThat(e.document()).hasValue(0);
    assertThat(e.field()).isEqualTo("metadata.self");
    assertThat(e.rule()).startsWith("Invalid value: the alias *m is inside the node &m it refers to").contains("recursive");
  }

  @Test
  void a_list_that_holds_itself_is_refused() {
    InputError e = refusal("a: 1\n---\nx: &l [1, [2, *l]]\n");
    assertThat(e.document()).hasValue(1);
    assertThat(e.field()).isEqualTo("x[1][1]");
  }

  @Test
  void an_alias_before_its_anchor_is_refused() {
    InputError e = refusal("a: *nowhere\n");
    assertThat(e.field()).isEqualTo("a");
    assertThat(e.rule()).contains("refers to no anchor &nowhere");
  }

  @Test
  void an_anchor_defined_again_inside_itself_names_the_inner_node() {
    JsonNode doc = reader.documents("in.yaml", "a: &x [&x [1], *x]\n").get(0);
    assertThat(doc.get("a").toString()).isEqualTo("[[1],[1]]");
  }

  // failure class 8: the alias limit counts every alias and bounds what aliases add

  @Test
  void aliases_of_scalars_count_towards_the_limit() {
    StringBuilder fifty = new StringBuilder("s: &s x\nl:\n");
    for (int i = 0; i < 50; i++) {
      fifty.append("- *s\n");
    }
    assertThat(reader.documents("in.yaml", fifty.toString()).get(0).get("l")).hasSize(50);
    InputError e = refusal(fifty + "- *s\n");
    assertThat(e.document()).hasValue(0);
    assertThat(e.rule()).startsWith("more than 50 aliases");
  }

  @Test
  void aliases_that_would_expand_past_the_node_bound_are_refused() {
    // 24 levels of two aliases each: 48 aliases, but 2^24 nodes once expanded
    StringBuilder doubling = new StringBuilder("a0: &a0 [x, x]\n");
    for (int i = 1; i <= 24; i++) {
      doubling.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
    }
    InputError e = refusal(doubling.toString());
    assertThat(e.rule()).startsWith("aliases add more than 100000 nodes");
  }

  @Test
  void merge_keys_still_merge_and_count_as_aliases() {
    JsonNode doc = reader.documents("in.yaml", "base: &b {cpu: 1, memory: 2Gi}\nr:\n  <<: *b\n  cpu: 2\n").get(0);
    assertThat(doc.get("r").toString()).isEqualTo("{\"cpu\":2,\"memory\":\"2Gi\"}");
  }

  @Test
  void a_local_tag_is_refused_with_its_name() {
    InputError e = refusal("a: !foo bar\n");
    assertThat(e.field()).isEqualTo("a");
    assertThat(e.rule()).startsWith("Invalid value: the tag !foo is not supported on a scalar");
  }

  @Test
  void a_word_tagged_as_an_integer_is_refused() {
    assertThat(refusal("a: !!int many\n").rule()).startsWith("Invalid value: \"many\" is not a valid !!int");
  }

  // limits checked before parsing, in linear time

  @Test
  void a_document_over_the_character_limit_is_refused_before_it_is_parsed() {
    TreeReader small = TreeReader.with(ReadLimits.defaults().withMaxDocumentChars(1000));
    String text = "a: 1\n---\nb: " + "x".repeat(2000) + "\n";
    ManifestReadException e = catchThrowableOfType(ManifestReadException.class, () -> small.documents("in.yaml", text));
    assertThat(e.errors()).singleElement().satisfies(error -> {
      assertThat(error.document()).hasValue(1);
      assertThat(error.rule()).isEqualTo("the document is longer than the limit of 1000 characters; nothing of it was read");
    });
  }

  @Test
  void a_one_line_scalar_of_four_mebibytes_reads() {
    List<JsonNode> docs = reader.documents("in.yaml", "a: " + "x".repeat(4 << 20) + "\n");
    assertThat(docs.get(0).get("a").textValue()).hasSize(4 << 20);
  }

  @Test
  void document_indexes_skip_comments_and_directives_like_the_parser() {
    TreeReader small = TreeReader.with(ReadLimits.defaults().withMaxDocumentChars(100));
    String text = "# a comment\n%YAML 1.1\n---\na: 1\n...\n# between\n---\nb: 2\n---\nc: " + "x".repeat(200) + "\n";
    ManifestReadException e = catchThrowableOfType(ManifestReadException.class, () -> small.documents("in.yaml", text));
    assertThat(e.errors().get(0).document()).hasValue(2);
  }

  @Test
  void more_documents_than_the_limit_are_refused() {
    TreeReader few = TreeReader.with(ReadLimits.defaults().withMaxDocuments(3));
    ManifestReadException e = catchThrowableOfType(ManifestReadException.class, () -> few.documents("in.yaml", "a: 1\n---\n---\n---\n"));
    assertThat(e.errors().get(0).rule()).isEqualTo("more than 3 documents");
  }

  @Test
  void a_json_document_over_the_character_limit_is_refused() {
    TreeReader small = TreeReader.with(ReadLimits.defaults().withMaxDocumentChars(100));
    String text = "{\"a\": 1} {\"b\": \"" + "x".repeat(200) + "\"}";
    ManifestReadException e = catchThrowableOfType(ManifestReadException.class, () -> small.documents("in.json", text));
    assertThat(e.errors().get(0).document()).hasValue(1);
    assertThat(e.errors().get(0).rule()).contains("longer than the limit of 100 characters");
  }

  @Test
  void a_character_yaml_does_not_allow_is_refused_in_its_document() {
    InputError e = refusal("a: 1\n---\nb: \"bell\u0007\"\n");
    assertThat(e.document()).hasValue(1);
    assertThat(e.rule()).contains("special characters are not allowed");
  }

  @Test
  void characters_outside_the_basic_plane_read() {
    assertThat(reader.documents("in.yaml", "a: \"\uD83D\uDE00\"\nb: caf\u00e9 \uD83D\uDE00\n").get(0).get("b").textValue())
        .isEqualTo("caf\u00e9 \uD83D\uDE00");
  }

  @Test
  void single_refuses_a_stream_of_several_documents() {
    ManifestReadException e = catchThrowableOfType(ManifestReadException.class, () -> reader.single("plan.yaml", "a: 1\n---\nb: 2\n"));
    assertThat(e.getMessage()).isEqualTo("plan.yaml: document 1: holds 2 documents; exactly one is expected");
    assertThat(reader.single("plan.yaml", "# nothing\n").isNull()).isTrue();
  }
}
