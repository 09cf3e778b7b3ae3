package dev.aiinfra.observability.model.autoscale;

/**
 * One Prometheus signal an autoscaler scales on: a query that returns one series, and the target
 * the HPA compares it with. With {@link MetricType#AVERAGE_VALUE} the HPA divides the value by the
 * current replicas (a per-replica target); with {@link MetricType#VALUE} it compares the value
 * itself and scales by their ratio (a latency against its SLO).
 *
 * @param name short, stable name, e.g. {@code queue-depth}
 * @param signal what the query measures, for a person
 * @param query PromQL returning at most one series (KEDA refuses more)
 * @param metricType how the HPA reads the value
 * @param threshold the target: per replica for {@code AVERAGE_VALUE}, absolute for {@code VALUE}
 */
public record ScalerTrigger(String name, String signal, String query, MetricType metricType, double threshold) {
  /** The HPA metric target types KEDA passes through ({@code AverageValue}, {@code Value}). */
  public enum MetricType {
    AVERAGE_VALUE("AverageValue"),
    VALUE("Value");

    private final String kubernetesName;

    MetricType(String kubernetesName) {
      this.kubernetesName = kubernetesName;
    }

    public String kubernetesName() {
      return kubernetesName;
    }
  }
}
