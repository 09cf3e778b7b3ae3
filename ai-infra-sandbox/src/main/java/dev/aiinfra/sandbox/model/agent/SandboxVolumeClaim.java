package dev.aiinfra.sandbox.model.agent;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.core.model.validation.NameRules;
import dev.aiinfra.core.model.validation.Violations;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A persistent volume for a sandbox ({@code spec.volumeClaimTemplates[]}): the controller creates a
 * PVC named {@code <name>-<sandbox>} and adds it to the pod as the volume {@code <name>}; with
 * {@link #mountPath()} every container also gets the matching {@code volumeMount}, so the agent's
 * workspace survives pause/resume under a read-only root filesystem.
 */
@Value.Immutable
public abstract class SandboxVolumeClaim implements WithSandboxVolumeClaim {
  public abstract String name();

  /** {@code resources.requests.storage}, e.g. {@code 20Gi}. */
  public abstract String storage();

  public abstract Optional<String> storageClassName();

  @Value.Default
  public List<String> accessModes() {
    return List.of("ReadWriteOnce");
  }

  /** Where containers mount it; empty leaves mounting to the pod template. */
  public abstract Optional<String> mountPath();

  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    v.checkName(FieldPath.of("metadata.name"), name(), NameRules.dns1123Label(name()));
    if (!Quantity.isValid(storage())) {
      v.invalid(FieldPath.of("spec.resources.requests.storage"), storage(), "must be a quantity such as 20Gi");
    }
    List<String> modes = List.of("ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod");
    for (int i = 0; i < accessModes().size(); i++) {
      if (!modes.contains(accessModes().get(i))) {
        v.notSupported(FieldPath.of("spec.accessModes").index(i), accessModes().get(i), modes);
      }
    }
    mountPath().filter(p -> !p.startsWith("/")).ifPresent(p -> v.invalid(FieldPath.of("mountPath"), p, "must be an absolute path"));
    v.throwIfAny();
  }

  /** Builder for {@link SandboxVolumeClaim}. */
  public static final class Builder extends ImmutableSandboxVolumeClaim.Builder {}
}
