package dev.aiinfra.sandbox.model.hardening;

import java.util.List;
import org.immutables.value.Value;

/**
 * Default-deny egress with an allow-list ({@code NetworkPolicy} with {@code policyTypes: [Egress]}):
 * a sandbox pod may reach only cluster DNS (unless turned off) and the listed destinations.
 */
@Value.Immutable
public abstract class EgressAllowList implements WithEgressAllowList {
  /** Allow the cluster DNS service on port 53; without it names do not resolve. */
  @Value.Default
  public boolean allowClusterDns() {
    return true;
  }

  public abstract List<EgressRule> allow();

  /** Everything denied except DNS. */
  public static EgressAllowList denyAll() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The rules in the order they are rendered: DNS first when allowed. */
  public List<EgressRule> rules() {
    if (!allowClusterDns()) {
      return allow();
    }
    List<EgressRule> all = new java.util.ArrayList<>();
    all.add(EgressRule.clusterDns());
    all.addAll(allow());
    return List.copyOf(all);
  }

  /** Builder for {@link EgressAllowList}. */
  public static final class Builder extends ImmutableEgressAllowList.Builder {}
}
