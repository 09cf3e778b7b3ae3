package dev.aiinfra.serving.model.deploy;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.Violations;
import org.immutables.value.Value;

/**
 * One role of a deployment: {@code workers} identical engine instances of {@code tp} GPUs each,
 * running at most {@code batch} sequences. A worker wider than a node becomes an LWS group of
 * several pods.
 */
@Value.Immutable
public abstract class ServingRole {
  /** The phase a role serves. */
  public enum Phase {
    /** Prefill and decode in one engine. */
    AGGREGATED("serve"),
    PREFILL("prefill"),
    DECODE("decode");

    private final String id;

    Phase(String id) {
      this.id = id;
    }

    /** Lower-case name used in object names and labels. */
    public String id() {
      return id;
    }
  }

  public abstract Phase phase();

  /** Engine instances of this role in one replica (one slice) of the deployment. */
  public abstract int workers();

  public abstract int tp();

  @Value.Default
  public int batch() {
    return 256;
  }

  public static ServingRole of(Phase phase, int workers, int tp, int batch) {
    return ImmutableServingRole.builder().phase(phase).workers(workers).tp(tp).batch(batch).build();
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    if (workers() < 0) {
      v.invalid(FieldPath.of(phase().id() + ".workers"), workers(), "must not be negative");
    }
    if (tp() < 1) {
      v.invalid(FieldPath.of(phase().id() + ".tp"), tp(), "must be at least 1");
    }
    if (batch() < 1) {
      v.invalid(FieldPath.of(phase().id() + ".batch"), batch(), "must be at least 1");
    }
    v.throwIfAny();
  }
}
