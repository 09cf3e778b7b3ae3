package dev.aiinfra.core.policy.dns;

import dev.aiinfra.core.model.dns.DnsLookup;
import org.immutables.value.Value;

/** One lookup's cost before and after tuning: the names queried and the outcome each time. */
@Value.Immutable
public abstract class LookupCost {
  public abstract DnsLookup lookup();

  /** The absolute name the lookup should reach. */
  public abstract String target();

  public abstract Resolution before();

  public abstract Resolution after();

  static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link LookupCost}. */
  static final class Builder extends ImmutableLookupCost.Builder {}
}
