package dev.aiinfra.core.policy.dns;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.dns.ResolvConf;
import java.util.List;
import org.immutables.value.Value;

/** The resolv.conf the kubelet writes for a pod, and every event it would raise while forming it. */
@Value.Immutable
public abstract class ResolvConfResult {
  public abstract ResolvConf resolvConf();

  /** {@code DNS_CONFIG_FORMING}, {@code MISSING_CLUSTER_DNS}, {@code HOST_RESOLV_CONF_UNKNOWN}. */
  public abstract List<Diagnostic> diagnostics();

  static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link ResolvConfResult}. */
  static final class Builder extends ImmutableResolvConfResult.Builder {}
}
