package dev.aiinfra.serving.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiinfra.core.model.InvalidSpecException;
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

  @Test
  void prefill_workers_without_decode_workers_are_refused_with_the_file_at_the_plans_path(@TempDir Path dir) throws IOException {
    Path file = plan(dir, "{" + REQUEST + ",\"best\":{\"mode\":\"disaggregated\",\"replicas\":1,"
        + "\"prefill\":{\"workers\":2,\"tp\":2,\"batch\":1},\"decode\":{\"workers\":0,\"tp\":4,\"batch\":64}}}");

    assertThatThrownBy(() -> PlanReader.read(file, b -> b.name("qwen3")))
        .isInstanceOfSatisfying(ManifestReadException.class, e -> assertThat(e.errors())
            .extracting(InputError::source, InputError::field)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(file.toString(), "best.prefill.workers")));
  }

  @Test
  void a_bad_setting_of_the_caller_alone_stays_a_violation_at_the_deployment_field(@TempDir Path dir) throws IOException {
    Path file = plan(dir, "{" + REQUEST + ",\"best\":{\"mode\":\"aggregated\",\"replicas\":1,\"decode\":{\"workers\":1,\"tp\":1,\"batch\":1}}}");

    assertThatThrownBy(() -> PlanReader.read(file, b -> b.name("Not_A_Name")))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("name"));
  }
}
