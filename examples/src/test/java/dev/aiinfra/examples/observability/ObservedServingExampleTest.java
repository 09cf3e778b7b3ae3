package dev.aiinfra.examples.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.shared.SharedData;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;

class ObservedServingExampleTest {
  @Test
  void the_deployment_comes_with_monitors_slo_rules_and_a_scaled_object_per_role() {
    assertThat(ObservedServingExample.observation().objects()).extracting(HasMetadata::getKind)
        .contains("PodMonitor", "ServiceMonitor", "PrometheusRule", "ScaledObject");
    assertThat(ObservedServingExample.observation().objects()).filteredOn(o -> o.getKind().equals("ScaledObject"))
        .extracting(o -> o.getMetadata().getName()).containsExactly("qwen3-prefill", "qwen3-decode");
  }

  @Test
  void the_slis_on_the_dynamo_frontend_say_its_bucket_bounds_were_not_checked() {
    assertThat(ObservedServingExample.findings()).anyMatch(f -> f.startsWith("SLO_BUCKETS_UNKNOWN") && f.contains("le=\"0.3\""));
  }

  @Test
  void every_observability_object_validates_against_its_crd() {
    for (HasMetadata o : ObservedServingExample.observation().objects()) {
      assertThat(SharedData.crds().validate(o)).as(o.getKind() + " " + o.getMetadata().getName()).isEmpty();
    }
  }
}
