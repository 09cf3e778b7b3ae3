package dev.aiinfra.sandbox.model.pss;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The part of a pod (or pod template) that the Pod Security Standards checks read: its annotations,
 * host namespaces, user namespace ({@code hostUsers}), OS, pod security context, sysctls, volumes
 * and containers. Build one directly in tests, or read it from YAML with the sandbox render layer's
 * {@code PodSecurityViews}.
 */
@Value.Immutable
public abstract class PodSecurityView implements WithPodSecurityView {
  /** Pod (or template) annotations: AppArmor at every version, seccomp before policy v1.19. */
  public abstract Map<String, String> annotations();

  @Value.Default
  public boolean hostNetwork() {
    return false;
  }

  @Value.Default
  public boolean hostPID() {
    return false;
  }

  @Value.Default
  public boolean hostIPC() {
    return false;
  }

  /** {@code spec.hostUsers}; only an explicit {@code false} (a user namespace) relaxes checks. */
  public abstract Optional<Boolean> hostUsers();

  /** {@code spec.os.name}: {@code linux} or {@code windows}. */
  public abstract Optional<String> osName();

  public abstract Optional<Boolean> runAsNonRoot();

  public abstract Optional<Long> runAsUser();

  public abstract Optional<String> seccompProfileType();

  public abstract Optional<String> appArmorProfileType();

  public abstract Optional<SeLinuxOptionsView> seLinuxOptions();

  public abstract Optional<Boolean> windowsHostProcess();

  /** {@code spec.securityContext.sysctls[*].name}. */
  public abstract List<String> sysctls();

  public abstract List<VolumeView> volumes();

  /** Every container, init, regular and ephemeral. */
  public abstract List<ContainerSecurityView> containers();

  /** Whether the pod runs in a user namespace ({@code hostUsers: false}). */
  public final boolean userNamespace() {
    return hostUsers().isPresent() && !hostUsers().get();
  }

  public final boolean windows() {
    return osName().filter("windows"::equals).isPresent();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link PodSecurityView}. */
  public static final class Builder extends ImmutablePodSecurityView.Builder {}
}
