package dev.aiinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** {@code validate} reports the API server's volume rules in its JSON contract (issue 16: validate agrees with the server). */
class ValidateVolumesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void a_mount_of_a_missing_volume_is_not_found_and_a_volume_with_two_sources_is_forbidden() throws IOException {
    String pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: c\n    image: nginx\n"
        + "    volumeMounts: [{name: gone, mountPath: /data}]\n  volumes:\n  - {name: cache, emptyDir: {}, configMap: {name: app}}\n";
    CliRun r = CliRun.withStdin(pod, "validate", "-f", "-", "-o", "json");
    assertThat(r.exit).isEqualTo(ExitCodes.NEGATIVE);
    JsonNode violations = JSON.readTree(r.out).at("/objects/0/violations");
    assertThat(violations.toString())
        .contains("{\"field\":\"spec.volumes[0].configMap\",\"type\":\"Forbidden\",\"message\":\"Forbidden: may not specify more than 1 volume type\"}")
        .contains("{\"field\":\"spec.containers[0].volumeMounts[0].name\",\"type\":\"NotFound\",\"message\":\"Not found: \\\"gone\\\"\"}");
    assertThat(violations).hasSize(2);
  }
}
