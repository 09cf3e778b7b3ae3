package dev.aiinfra.testing.assertions;

import dev.aiinfra.dra.model.DeviceResult;
import dev.aiinfra.dra.policy.AllocationOutcome;
import dev.aiinfra.dra.policy.ClaimAllocation;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the DRA allocator's answer for one node ({@code DeviceAllocator.allocate}): whether
 * the claims can be allocated, which devices each request got, and why not.
 */
public final class AllocationOutcomeAssert extends AbstractAssert<AllocationOutcomeAssert, AllocationOutcome> {
  AllocationOutcomeAssert(AllocationOutcome actual) {
    super(actual, AllocationOutcomeAssert.class);
  }

  public AllocationOutcomeAssert isSatisfiable() {
    isNotNull();
    if (!actual.satisfiable()) {
      failWithMessage("%s", "Expected the claims to be allocated on node " + actual.node() + ", but " + why());
    }
    return this;
  }

  public AllocationOutcomeAssert isNotSatisfiable() {
    isNotNull();
    if (actual.satisfiable()) {
      failWithMessage("%s", "Expected the claims not to be allocated on node " + actual.node() + ", but they were:\n" + allocations());
    }
    return this;
  }

  /** One of the reasons carries this stable code ({@code DRA_NOT_ENOUGH_DEVICES}, …). */
  public AllocationOutcomeAssert because(String code) {
    isNotNull();
    if (!Descriptions.hasCode(actual.reasons(), code)) {
      failWithMessage("%s", "Expected a reason with code " + code + " on node " + actual.node() + ", but "
          + (actual.satisfiable() ? "the claims were allocated:\n" + allocations() : "the reasons were:\n" + Descriptions.diagnostics(actual.reasons())));
    }
    return this;
  }

  /**
   * The request got exactly {@code count} devices, summed over every claim ({@code gpu}, or a
   * firstAvailable sub-request {@code gpu/large}, counts for {@code gpu}).
   */
  public AllocationOutcomeAssert allocates(String request, int count) {
    isSatisfiable();
    long got = results(request).size();
    if (got != count) {
      failWithMessage("%s", "Expected request " + request + " to get " + count + " devices on node " + actual.node() + ", but it got "
          + got + ":\n" + allocations());
    }
    return this;
  }

  /** The request got this device (by name, in any pool). */
  public AllocationOutcomeAssert allocatesDevice(String request, String device) {
    isSatisfiable();
    if (results(request).stream().noneMatch(r -> r.device().equals(device))) {
      failWithMessage("%s", "Expected request " + request + " to get device " + device + " on node " + actual.node() + ", but the allocation was:\n"
          + allocations());
    }
    return this;
  }

  private List<DeviceResult> results(String request) {
    return actual.claims().stream().flatMap(c -> c.allocation().results().stream())
        .filter(r -> r.request().equals(request) || r.request().startsWith(request + "/"))
        .toList();
  }

  private String why() {
    return "the outcome is " + actual.status() + actual.error().map(e -> " (" + e + ")").orElse("") + ":\n" + Descriptions.diagnostics(actual.reasons());
  }

  private String allocations() {
    if (actual.claims().isEmpty()) {
      return "  (no devices)";
    }
    return actual.claims().stream().flatMap(AllocationOutcomeAssert::lines).collect(Collectors.joining("\n"));
  }

  private static java.util.stream.Stream<String> lines(ClaimAllocation c) {
    return c.allocation().results().stream()
        .map(r -> "  " + c.claim().namespace() + "/" + c.claim().name() + " " + r.request() + " -> " + r.driver() + "/" + r.pool() + "/" + r.device());
  }
}
