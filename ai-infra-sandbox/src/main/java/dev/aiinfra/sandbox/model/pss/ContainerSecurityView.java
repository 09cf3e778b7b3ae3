package dev.aiinfra.sandbox.model.pss;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The fields of one container (init, regular or ephemeral) that the Pod Security checks read.
 * Unset fields are empty; explicit values, even {@code false}, are present, because several checks
 * tell "unset" from "false".
 */
@Value.Immutable
public abstract class ContainerSecurityView implements WithContainerSecurityView {
  /** Which list of the pod spec the container is in; the checks visit them in this order. */
  public enum Kind {
    INIT,
    REGULAR,
    EPHEMERAL
  }

  public abstract String name();

  @Value.Default
  public Kind kind() {
    return Kind.REGULAR;
  }

  public abstract Optional<Boolean> privileged();

  public abstract Optional<Boolean> allowPrivilegeEscalation();

  public abstract Optional<Boolean> runAsNonRoot();

  public abstract Optional<Long> runAsUser();

  /** {@code securityContext.seccompProfile.type}; an empty string when the profile has no type. */
  public abstract Optional<String> seccompProfileType();

  public abstract Optional<String> appArmorProfileType();

  public abstract Optional<SeLinuxOptionsView> seLinuxOptions();

  public abstract Optional<Boolean> windowsHostProcess();

  public abstract Optional<String> procMount();

  /** {@code securityContext.capabilities.add}. */
  public abstract List<String> capabilitiesAdd();

  /** {@code securityContext.capabilities.drop}. */
  public abstract List<String> capabilitiesDrop();

  /** {@code ports[*].hostPort} values, zero included. */
  public abstract List<Integer> hostPorts();

  /** {@code host} of every httpGet/tcpSocket handler in the probes and lifecycle hooks, empty ones included. */
  public abstract List<String> handlerHosts();

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link ContainerSecurityView}. */
  public static final class Builder extends ImmutableContainerSecurityView.Builder {}
}
