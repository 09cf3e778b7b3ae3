package dev.aiinfra.observability.model.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlNamesTest {
  @Test
  void functions_aggregations_grouping_labels_matchers_and_durations_are_not_metric_names() {
    String expr = "sum by (namespace, pod) (rate(kube_pod_container_status_restarts_total{container!=\"x\"}[5m])) "
        + "* on (namespace, pod) group_left (label_app) max by (namespace, pod, label_app) (kube_pod_labels) > 0.5";
    assertThat(PromQlNames.metricNames(expr)).containsExactly("kube_pod_container_status_restarts_total", "kube_pod_labels");
  }

  @Test
  void recording_rule_names_with_colons_are_metric_names() {
    assertThat(PromQlNames.metricNames("job:gpu_active:avg offset 5m < 0.05 and histogram_quantile(0.9, x_bucket)"))
        .containsExactly("job:gpu_active:avg", "x_bucket");
  }
}
