package dev.aiinfra.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One area of the differential suite: how to generate its cases, which fields of an answer are the
 * contract (both sides' projections must be equal), and the named divergences.
 */
public interface Area {
  /** Short upper-case name printed in the summary, e.g. {@code DRA}. */
  String name();

  /**
   * The case generated from {@code caseSeed} (deterministic in it), named {@code id}; draw every
   * choice from {@code new SplittableRandom(caseSeed)} so the seed alone replays it.
   */
  Case generate(long caseSeed, String id);

  /** The contract fields of an answer, exit code included; the sides agree when these are equal. */
  JsonNode project(Case c, Outcome outcome);

  /** The documented differences from upstream, each with its predicate. */
  default List<Divergence> divergences() {
    return List.of();
  }
}
