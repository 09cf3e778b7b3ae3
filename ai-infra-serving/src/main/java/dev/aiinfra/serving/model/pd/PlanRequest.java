package dev.aiinfra.serving.model.pd;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.Violations;
import org.immutables.value.Value;

/**
 * What to plan: a model on a GPU type within a GPU budget, for a traffic shape and latency SLA,
 * on a serving backend, with a KV transport between prefill and decode workers. The input of
 * AIConfigurator's {@code cli default}.
 */
@Value.Immutable
public abstract class PlanRequest implements WithPlanRequest {
  public abstract ModelSpec model();

  public abstract GpuSpec gpu();

  public abstract int totalGpus();

  public abstract Traffic traffic();

  @Value.Default
  public ServingSla sla() {
    return ServingSla.builder().build();
  }

  @Value.Default
  public Backend backend() {
    return Backend.TRTLLM;
  }

  @Value.Default
  public KvTransport kvTransport() {
    return KvTransport.RDMA;
  }

  @Value.Default
  public RooflineConstants constants() {
    return RooflineConstants.defaults();
  }

  /** How many ranked candidates to return. */
  @Value.Default
  public int top() {
    return 5;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    if (totalGpus() < 1 || totalGpus() > 4096) {
      v.invalid(FieldPath.of("totalGpus"), totalGpus(), "must be between 1 and 4096");
    }
    if (top() < 1) {
      v.invalid(FieldPath.of("top"), top(), "must be at least 1");
    }
    v.throwIfAny();
  }

  /** Builder for {@link PlanRequest}. */
  public static final class Builder extends ImmutablePlanRequest.Builder {}
}
