package dev.aiinfra.testing.assertions;

import dev.aiinfra.scheduling.policy.placement.GangResult;
import dev.aiinfra.scheduling.policy.placement.PlacementResult;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a gang placement ({@code GangPlacement.place}): whether every gang fits, why not
 * (the stable reason codes, such as {@code GANG_TOPOLOGY_NOT_FIT}), and each gang's own outcome.
 */
public final class PlacementResultAssert extends AbstractAssert<PlacementResultAssert, PlacementResult> {
  PlacementResultAssert(PlacementResult actual) {
    super(actual, PlacementResultAssert.class);
  }

  /** Every gang fits. */
  public PlacementResultAssert fits() {
    isNotNull();
    if (!actual.fits()) {
      failWithMessage("%s", "Expected every gang to fit, but not all do; the reasons:\n" + Descriptions.diagnostics(actual.reasons()));
    }
    return this;
  }

  /** At least one gang does not fit. */
  public PlacementResultAssert doesNotFit() {
    isNotNull();
    if (actual.fits()) {
      failWithMessage("%s", "Expected the placement not to fit, but every gang fits:\n" + placements());
    }
    return this;
  }

  /** One of the reasons carries this stable code. */
  public PlacementResultAssert because(String code) {
    isNotNull();
    if (!Descriptions.hasCode(actual.reasons(), code)) {
      failWithMessage("%s", "Expected a reason with code " + code + ", but the reasons were:\n" + Descriptions.diagnostics(actual.reasons()));
    }
    return this;
  }

  /** The gang with this {@link GangResult#id() id} ({@code ml/JobSet/train/workers}) or, if unique, this name. */
  public GangResultAssert gang(String idOrName) {
    isNotNull();
    var byId = actual.gangs().stream().filter(g -> g.id().equals(idOrName)).toList();
    var matches = byId.isEmpty() ? actual.gangs().stream().filter(g -> g.name().equals(idOrName)).toList() : byId;
    if (matches.size() != 1) {
      failWithMessage("%s", "Expected one gang " + idOrName + ", but found " + matches.size() + " among: "
          + actual.gangs().stream().map(GangResult::id).collect(Collectors.joining(", ")));
    }
    return new GangResultAssert(matches.get(0));
  }

  private String placements() {
    return actual.gangs().stream().map(g -> "  " + g.id() + " -> " + g.where()).collect(Collectors.joining("\n"));
  }
}
