package dev.aiinfra.observability.render;

import dev.aiinfra.observability.policy.MonitoringPlan;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/** Renders a {@link MonitoringPlan}: its monitors, then its PrometheusRules, in plan order. */
public final class MonitoringPlanRenderer {
  private MonitoringPlanRenderer() {}

  public static List<HasMetadata> render(MonitoringPlan plan) {
    List<HasMetadata> out = new ArrayList<>();
    plan.monitors().forEach(m -> out.add(MonitorRenderer.render(m)));
    plan.ruleSets().forEach(r -> out.add(PrometheusRuleRenderer.render(r)));
    return out;
  }
}
