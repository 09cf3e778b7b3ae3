package dev.aiinfra.testing.assertions;

import dev.aiinfra.scheduling.policy.placement.GangResult;
import dev.aiinfra.scheduling.policy.placement.PodNode;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/** Assertions on one gang's placement: fits or not, why not, how many pods landed where. */
public final class GangResultAssert extends AbstractAssert<GangResultAssert, GangResult> {
  GangResultAssert(GangResult actual) {
    super(actual, GangResultAssert.class);
  }

  public GangResultAssert fits() {
    isNotNull();
    if (!actual.fits()) {
      failWithMessage("%s", "Expected gang " + actual.id() + " to fit, but it does not:\n" + Descriptions.diagnostics(actual.reasons()));
    }
    return this;
  }

  public GangResultAssert doesNotFit() {
    isNotNull();
    if (actual.fits()) {
      failWithMessage("%s", "Expected gang " + actual.id() + " not to fit, but it fits: " + actual.where());
    }
    return this;
  }

  /** One of the gang's reasons carries this stable code. */
  public GangResultAssert because(String code) {
    isNotNull();
    if (!Descriptions.hasCode(actual.reasons(), code)) {
      failWithMessage("%s", "Expected gang " + actual.id() + " not to fit because of " + code + ", but its reasons were:\n"
          + Descriptions.diagnostics(actual.reasons()));
    }
    return this;
  }

  /** This many pods were placed. */
  public GangResultAssert placesPods(int count) {
    isNotNull();
    if (actual.placed() != count) {
      failWithMessage("%s", "Expected gang " + actual.id() + " to place " + count + " pods, but it placed " + actual.placed()
          + (actual.fits() ? "" : ":\n" + Descriptions.diagnostics(actual.reasons())));
    }
    return this;
  }

  /** The gang landed in these domains or nodes ({@link GangResult#where()}: {@code rack-0=4} or a node name), among others. */
  public GangResultAssert landsIn(String... where) {
    isNotNull();
    List<String> missing = List.of(where).stream().filter(w -> !actual.where().contains(w)).toList();
    if (!missing.isEmpty()) {
      failWithMessage("%s", "Expected gang " + actual.id() + " to land in " + missing + ", but it landed in " + actual.where()
          + (actual.fits() ? "" : " (it does not fit:\n" + Descriptions.diagnostics(actual.reasons()) + ")"));
    }
    return this;
  }

  /** The pod was bound to the node. */
  public GangResultAssert placesPodOn(String pod, String node) {
    isNotNull();
    List<PodNode> all = actual.podSets().stream().flatMap(ps -> ps.placements().stream()).toList();
    if (!all.contains(PodNode.of(pod, node))) {
      String where = all.stream().filter(p -> p.pod().equals(pod)).map(PodNode::node).findFirst().map(n -> "it went to " + n)
          .orElse("it was not placed");
      failWithMessage("%s", "Expected gang " + actual.id() + " to place pod " + pod + " on " + node + ", but " + where);
    }
    return this;
  }
}
