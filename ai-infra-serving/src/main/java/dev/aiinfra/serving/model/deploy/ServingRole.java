package dev.aiinfra.serving.model.deploy;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.SpecPart;
import dev.aiinfra.core.model.validation.Violations;
import java.util.List;
import org.immutables.value.Value;

/**
 * One role of a deployment: {@code workers} identical engine instances of {@code tp} GPUs each,
 * running at most {@code batch} sequences. A worker wider than a node becomes an LWS group of
 * several pods. Validated by the {@link ServingDeployment} that holds it, so that building a
 * deployment lists every role's violations at their full path ({@code prefill.tp}, {@code
 * decode.batch}); {@link #violations()} checks a role on its own.
 */
@Value.Immutable
public abstract class ServingRole implements SpecPart {
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

  @Override
  public List<FieldViolation> violations() {
    Violations v = new Violations();
    if (workers() < 0) {
      v.invalid(FieldPath.of("workers"), workers(), "must not be negative");
    }
    if (tp() < 1) {
      v.invalid(FieldPath.of("tp"), tp(), "must be at least 1");
    }
    if (batch() < 1) {
      v.invalid(FieldPath.of("batch"), batch(), "must be at least 1");
    }
    return v.list();
  }
}
