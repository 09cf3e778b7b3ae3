package dev.aiinfra.serving.render.deploy;

import dev.aiinfra.serving.model.deploy.DeploymentStyle;
import dev.aiinfra.serving.model.deploy.ServingDeployment;
import dev.aiinfra.serving.model.deploy.ServingRole;
import dev.aiinfra.serving.policy.pd.PdPlan;
import dev.aiinfra.serving.policy.pd.ServingConfiguration;
import dev.aiinfra.serving.policy.pd.WorkerGroup;

/**
 * Turns a planner's configuration into a deployment: the checkpoint and backend of the request,
 * {@code replicas} slices of x prefill and y decode workers (or aggregated workers) with their TP
 * and batch, and the GPU's node size.
 */
public final class PlannedDeployment {
  private PlannedDeployment() {}

  /** A builder for the plan's best configuration; set at least the name. */
  public static ServingDeployment.Builder from(PdPlan plan) {
    ServingConfiguration best = plan.best()
        .orElseThrow(() -> new dev.aiinfra.core.model.InvalidSpecException(java.util.List.of(dev.aiinfra.core.model.FieldViolation.invalid(
            dev.aiinfra.core.model.FieldPath.of("plan"), "no configuration", "the plan has no configuration that meets the SLA, so there is nothing to deploy"))));
    return from(plan, best);
  }

  /** A builder for one configuration of the plan (e.g. the best aggregated one). */
  public static ServingDeployment.Builder from(PdPlan plan, ServingConfiguration c) {
    ServingDeployment.Builder b = ServingDeployment.builder()
        .model(plan.request().model().checkpoint())
        .backend(plan.request().backend())
        .gpusPerNode(plan.request().gpu().gpusPerNode());
    WorkerGroup decode = c.decode();
    if (c.prefill().isPresent()) {
      WorkerGroup p = c.prefill().get();
      b.slices(c.replicas())
          .prefill(ServingRole.of(ServingRole.Phase.PREFILL, p.workers(), p.tp(), p.batch()))
          .decode(ServingRole.of(ServingRole.Phase.DECODE, decode.workers(), decode.tp(), decode.batch()));
    } else {
      b.slices(1).decode(ServingRole.of(ServingRole.Phase.AGGREGATED, c.replicas() * decode.workers(), decode.tp(), decode.batch()));
    }
    return b;
  }

  /** Plans' best configuration rendered in one call. */
  public static ServingBundle render(PdPlan plan, String name, DeploymentStyle style) {
    return ServingRenderer.render(from(plan).name(name).style(style).build());
  }
}
