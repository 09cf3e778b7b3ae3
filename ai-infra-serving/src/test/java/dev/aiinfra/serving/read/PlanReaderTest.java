package dev.aiinfra.serving.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiinfra.core.read.InputError;
import dev.aiinfra.core.read.ManifestReadException;
import dev.aiinfra.serving.model.deploy.ServingDeployment;
import dev.aiinfra.serving.model.deploy.ServingRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanReaderTest {
  private static final String REQUEST = "\"request\":{\"model\":\"qwen3-8b\",\"backend\":\"trtllm\",\"system\":\"h100_sxm\"}";

  private static Path plan(Path dir, String json) throws IOException {
    return Files.writeString(dir.resolve("plan.json"), json);
  }

  @Test
  void an_aggregated_plan_reads_back_as_one_slice_of_replicas_times_workers(@TempDir Path dir) throws IOException {
    Path file = plan(dir, "{" + REQUEST + ",\"best\":{\"mode\":\"aggregated\",\"replicas\":3,\"decode\":{\"workers\":2,\"tp\":4,\"batch\":16}}}");

    ServingDeployment d = PlanReader.read(file).name("qwen3").build();

    assertThat(d.slices()).isEqualTo(1);
    assertThat(d.prefill()).isEmpty();
    assertThat(d.decode()).isEqualTo(ServingRole.of(ServingRole.Phase.AGGREGATED, 6, 4, 16));
  }

  @Test
  void a_plan_with_no_configuration_that_meets_its_sla_is_refused_with_its_file(@TempDir Path dir) throws IOException {
    Path file = plan(dir, "{" + REQUEST + ",\"best\":null}");

    assertThatThrownBy(() -> PlanReader.read(file))
        .isInstanceOfSatisfying(ManifestReadException.class, e -> assertThat(e.errors()).containsExactly(InputError.ofFile(file.toString(),
            "the plan has no configuration that meets its SLA (best is null); there is nothing to deploy")));
  }

  @Test
  void every_problem_is_reported_at_its_field_of_the_plan(@TempDir Path dir) throws IOException {
    Path file = plan(dir, "{\"best\":{\"replicas\":\"a\",\"decode\":{\"tp\":4}}}");

    assertThatThrownBy(() -> PlanReader.read(file))
        .isInstanceOfSatisfying(ManifestReadException.class, e -> assertThat(e.errors()).extracting(InputError::field)
            .contains("request.model", "best.replicas", "best.decode.workers"));
  }
}
