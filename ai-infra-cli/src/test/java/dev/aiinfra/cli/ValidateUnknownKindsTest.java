package dev.aiinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate} says "not checked: unknown kind" and names every result's file and document (issue 15, defect 2). */
class ValidateUnknownKindsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String POD = "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: ml}\nspec: {containers: [{name: c, image: nginx}]}\n";
  private static final String WIDGET = "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: -3}\n";
  @TempDir Path dir;

  private String write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p.toString();
  }

  @Test
  void an_unknown_kind_is_not_checked_and_exits_1() throws IOException {
    String f = write("all.yaml", POD + "---\n" + WIDGET);
    CliRun r = CliRun.run("validate", "-f", f);
    assertThat(r.exit).as(r.toString()).isEqualTo(ExitCodes.NEGATIVE);
    assertThat(r.out).containsPattern("(?m)^" + java.util.regex.Pattern.quote(f) + " +1 +Widget +w +not checked: unknown kind$");
    assertThat(r.out).contains("2 objects, 1 not checked: unknown kind (", "--ignore-unknown-kinds accepts them)");
  }

  @Test
  void ignore_unknown_kinds_accepts_them() throws IOException {
    CliRun r = CliRun.run("validate", "--ignore-unknown-kinds", "-f", write("all.yaml", POD + "---\n" + WIDGET));
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).contains("valid (unknown kind: metadata only)", "2 objects, all valid (1 of unknown kinds, metadata only)");
  }

  @Test
  void json_names_each_object_s_file_and_document_and_whether_it_was_checked() throws IOException {
    String f = write("all.yaml", POD + "---\n" + WIDGET);
    JsonNode j = JSON.readTree(CliRun.run("validate", "-o", "json", "-f", f).out);
    assertThat(j.get("valid").asBoolean()).isFalse();
    assertThat(j.at("/objects/0").toString()).isEqualTo("{\"kind\":\"Pod\",\"namespace\":\"ml\",\"name\":\"web\",\"source\":" + JSON.writeValueAsString(f)
        + ",\"document\":0,\"valid\":true,\"checked\":true,\"violations\":[]}");
    assertThat(j.at("/objects/1/document").asInt()).isEqualTo(1);
    assertThat(j.at("/objects/1/checked").asBoolean()).isFalse();
    assertThat(j.at("/objects/1/valid").asBoolean()).isFalse();
  }

  @Test
  void every_result_in_text_names_its_file_and_document() throws IOException {
    String f = write("pods.yaml", POD + "---\n" + POD.replace("web", "db"));
    CliRun r = CliRun.run("validate", "-f", f);
    assertThat(r.exit).isZero();
    assertThat(r.out).containsPattern("(?m)^FILE +DOC +KIND +NAME +RESULT$")
        .containsPattern("(?m)^" + java.util.regex.Pattern.quote(f) + " +0 +Pod +ml/web +valid$")
        .containsPattern("(?m)^" + java.util.regex.Pattern.quote(f) + " +1 +Pod +ml/db +valid$")
        .endsWith("2 objects, all valid\n");
  }
}
