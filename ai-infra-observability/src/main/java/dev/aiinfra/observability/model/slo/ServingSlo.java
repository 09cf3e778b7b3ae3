package dev.aiinfra.observability.model.slo;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.Violations;
import dev.aiinfra.observability.model.engine.ServingEngine;
import dev.aiinfra.serving.model.deploy.DeploymentStyle;
import dev.aiinfra.serving.model.deploy.ServingDeployment;
import dev.aiinfra.serving.model.deploy.ServingRole;
import dev.aiinfra.serving.model.pd.ServingSla;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * The service-level objectives of one LLM serving deployment, in the terms Prometheus can measure:
 * the share of requests ({@link #objective()}) whose time to first token, inter-token latency and
 * (optionally) whole-request latency stay under the {@link ServingSla}'s limits, read from the
 * engine's histograms at the pods that face the client (decode when disaggregated), plus the
 * quantiles recorded per workload and role. Built from a {@link ServingDeployment} and its SLA by {@link
 * #of(ServingDeployment, ServingSla)}.
 */
@Value.Immutable
public abstract class ServingSlo implements WithServingSlo {
  /** The deployment's base name; the {@code serving} label of every recorded series. */
  public abstract String name();

  @Value.Default
  public String namespace() {
    return "default";
  }

  @Value.Default
  public ServingEngine engine() {
    return ServingEngine.VLLM;
  }

  /** The workloads (LeaderWorkerSet, Deployment, … names) whose pods serve this deployment. */
  public abstract List<String> workloads();

  /**
   * The workloads whose pods face the client, i.e. whose latency is the SLO's: the decode role's
   * LeaderWorkerSet when disaggregated (its TTFT includes the remote prefill and the KV transfer),
   * the only one when aggregated.
   */
  public abstract java.util.Set<String> clientFacingWorkloads();

  /**
   * The {@code role} target label of the client-facing pods, when one workload holds several roles
   * (a DisaggregatedSet's {@code decode}); empty when the workload alone tells them apart.
   */
  public abstract java.util.Optional<String> clientFacingRole();

  /** The share of requests that must meet each limit, e.g. 0.99. */
  @Value.Default
  public double objective() {
    return 0.99;
  }

  public abstract double ttftSeconds();

  /** Inter-token latency limit (the SLA's TPOT); absent when the SLA bounds only whole requests. */
  public abstract OptionalDouble interTokenLatencySeconds();

  public abstract OptionalDouble requestLatencySeconds();

  /** Quantiles recorded per role for TTFT and inter-token latency. */
  @Value.Default
  public List<Double> quantiles() {
    return List.of(0.9, 0.99);
  }

  /** The rate window of the quantile recordings. */
  @Value.Default
  public String quantileWindow() {
    return "5m";
  }

  @Value.Default
  public List<BurnRateWindow> burnRateWindows() {
    return BurnRateWindow.SRE_WORKBOOK_30D;
  }

  /** Labels on the PrometheusRule object, for a Prometheus CR's {@code ruleSelector} (e.g. {@code release}). */
  public abstract Map<String, String> ruleLabels();

  public static Builder builder() {
    return new Builder();
  }

  /** The SLOs of a rendered serving deployment: its engine, its roles' workloads, the SLA's limits. */
  public static ServingSlo of(ServingDeployment d, ServingSla sla) {
    Builder b = builder().name(d.name()).namespace(d.namespace()).engine(ServingEngine.of(d.backend()))
        .ttftSeconds(sla.ttftMs() / 1000);
    if (d.style() == DeploymentStyle.DISAGGREGATED_SET && d.disaggregated()) {
      // One DisaggregatedSet holds both roles; its monitors write the role label from disaggregatedset.x-k8s.io/role.
      b.addWorkloads(d.name()).addClientFacingWorkloads(d.name()).clientFacingRole(d.decode().phase().id());
    } else {
      d.roles().forEach(r -> b.addWorkloads(workloadName(d, r)));
      b.addClientFacingWorkloads(workloadName(d, d.decode()));
    }
    if (Double.isFinite(sla.tpotMs())) {
      b.interTokenLatencySeconds(sla.tpotMs() / 1000);
    }
    sla.requestLatencyMs().ifPresent(ms -> b.requestLatencySeconds(ms / 1000));
    return b.build();
  }

  /**
   * The name of a role's workload as the serving renderer gives it ({@code <name>} when aggregated,
   * {@code <name>-<phase>} otherwise); restated here because a model may not read a renderer.
   */
  public static String workloadName(ServingDeployment d, ServingRole r) {
    return r.phase() == ServingRole.Phase.AGGREGATED ? d.name() : d.name() + "-" + r.phase().id();
  }

  /** The error budget, {@code 1 − objective}. */
  public double errorBudget() {
    return 1 - objective();
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    if (name().isBlank()) {
      v.required(FieldPath.of("name"), "the serving deployment's name");
    }
    if (!(objective() > 0 && objective() < 1)) {
      v.invalid(FieldPath.of("objective"), objective(), "must be a share strictly between 0 and 1, e.g. 0.99");
    }
    positive(v, "ttftSeconds", OptionalDouble.of(ttftSeconds()));
    positive(v, "interTokenLatencySeconds", interTokenLatencySeconds());
    positive(v, "requestLatencySeconds", requestLatencySeconds());
    for (int i = 0; i < quantiles().size(); i++) {
      double q = quantiles().get(i);
      if (!(q > 0 && q < 1)) {
        v.invalid(FieldPath.of("quantiles").index(i), q, "must be strictly between 0 and 1");
      }
    }
    if (workloads().isEmpty()) {
      v.required(FieldPath.of("workloads"), "at least one workload whose pods serve the deployment");
    }
    if (clientFacingWorkloads().isEmpty()) {
      v.required(FieldPath.of("clientFacingWorkloads"), "the workloads whose latency the client sees (the decode role, or the only one when aggregated)");
    } else if (!workloads().containsAll(clientFacingWorkloads())) {
      v.invalid(FieldPath.of("clientFacingWorkloads"), clientFacingWorkloads(), "must be among the workloads " + workloads());
    }
    for (BurnRateWindow w : burnRateWindows()) {
      if (w.factor() * errorBudget() >= 1 && objective() > 0 && objective() < 1) {
        v.invalid(FieldPath.of("objective"), objective(),
            "the " + w.longWindow() + " burn rate " + w.factor() + " × budget " + String.format(java.util.Locale.ROOT, "%.3f", errorBudget())
                + " reaches 100 % errors, so that alert could never fire; use an objective above " + String.format(java.util.Locale.ROOT, "%.4f", 1 - 1 / w.factor()));
      }
    }
    v.throwIfAny();
  }

  private static void positive(Violations v, String field, OptionalDouble value) {
    value.ifPresent(x -> {
      if (!(x > 0) || Double.isInfinite(x)) {
        v.invalid(FieldPath.of(field), x, "must be a positive number of seconds");
      }
    });
  }

  /** Builder for {@link ServingSlo}. */
  public static final class Builder extends ImmutableServingSlo.Builder {}
}
