package dev.aiinfra.core.model.workload;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.validation.NameRules;
import dev.aiinfra.core.model.validation.Violations;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A container: name, image, command, args, environment, requests and limits, and the in-place
 * restart settings (container {@code restartPolicy} and {@code restartPolicyRules}, KEP-5307).
 * Anything else goes in {@link #extraFields()} and reaches the output unchanged.
 */
@Value.Immutable
public abstract class ContainerSpec implements WithContainerSpec {
  /** {@code MaxContainerRestartRules}. */
  public static final int MAX_RESTART_RULES = 20;

  public abstract String name();

  public abstract String image();

  public abstract List<String> command();

  public abstract List<String> args();

  public abstract Map<String, String> env();

  public abstract ResourceList requests();

  @Value.Default
  public ResourceList limits() {
    return ResourceList.empty();
  }

  /** The container's own restart policy; required when {@link #restartPolicyRules()} are set. */
  public abstract Optional<RestartPolicy> restartPolicy();

  /** {@code resources.claims}: the pod's DRA claims this container uses. */
  public abstract List<ContainerClaim> claims();

  public abstract List<ContainerRestartRule> restartPolicyRules();

  /** Raw container fields (ports, probes, volumeMounts, ...). */
  public abstract Map<String, Object> extraFields();

  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    v.checkName(FieldPath.of("name"), name(), NameRules.dns1123Label(name()));
    if (image().isBlank()) {
      v.required(FieldPath.of("image"), "");
    }
    if (restartPolicyRules().size() > MAX_RESTART_RULES) {
      v.tooMany(FieldPath.of("restartPolicyRules"), restartPolicyRules().size(), MAX_RESTART_RULES);
    }
    if (!restartPolicyRules().isEmpty() && restartPolicy().isEmpty()) {
      v.required(FieldPath.of("restartPolicy"), "must be set explicitly when restartPolicyRules are given, even if it matches the pod's");
    }
    for (var e : env().keySet()) {
      v.checkName(FieldPath.of("env").key(e), e, NameRules.cIdentifier(e));
    }
    v.throwIfAny();
  }

  /** Builder for {@link ContainerSpec}. */
  public static final class Builder extends ImmutableContainerSpec.Builder {}
}
