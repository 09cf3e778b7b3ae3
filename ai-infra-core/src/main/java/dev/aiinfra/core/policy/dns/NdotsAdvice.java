package dev.aiinfra.core.policy.dns;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.dns.PodDns;
import dev.aiinfra.core.model.dns.ResolvConf;
import java.util.List;
import org.immutables.value.Value;

/**
 * The ndots advisor's answer for one pod template: the ndots chosen, the pod DNS to apply (its
 * {@code dnsConfig} carries the option), the resolv.conf before and after, and per lookup the
 * queries before and after.
 */
@Value.Immutable
public abstract class NdotsAdvice {
  public abstract int ndotsBefore();

  public abstract int ndotsAfter();

  public abstract PodDns tuned();

  public abstract ResolvConf resolvConfBefore();

  public abstract ResolvConf resolvConfAfter();

  public abstract List<LookupCost> lookups();

  public abstract List<Diagnostic> diagnostics();

  /** Whether the tuned pod differs from the original. */
  public boolean changed() {
    return ndotsAfter() != ndotsBefore();
  }

  public int queriesBefore() {
    return lookups().stream().mapToInt(l -> l.before().queries().size()).sum();
  }

  public int queriesAfter() {
    return lookups().stream().mapToInt(l -> l.after().queries().size()).sum();
  }

  /** True when no diagnostic is an error (a forced ndots that breaks a lookup is one). */
  public boolean safe() {
    return diagnostics().stream().noneMatch(Diagnostic::isError);
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link NdotsAdvice}. */
  static final class Builder extends ImmutableNdotsAdvice.Builder {}
}
