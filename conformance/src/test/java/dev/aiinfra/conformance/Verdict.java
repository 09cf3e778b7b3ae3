package dev.aiinfra.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** How the two answers of a case compare: agree, differ as a named divergence, or disagree. */
public record Verdict(Kind kind, Optional<Divergence> divergence, JsonNode ours, JsonNode upstream) {
  public enum Kind { AGREE, NAMED_DIVERGENCE, DISAGREE }

  public static Verdict of(Area area, Case c, Outcome ours, Outcome upstream) {
    JsonNode a = area.project(c, ours);
    JsonNode b = area.project(c, upstream);
    if (a.equals(b)) {
      return new Verdict(Kind.AGREE, Optional.empty(), a, b);
    }
    for (Divergence d : area.divergences()) {
      if (d.test().explains(c, ours, upstream)) {
        return new Verdict(Kind.NAMED_DIVERGENCE, Optional.of(d), a, b);
      }
    }
    return new Verdict(Kind.DISAGREE, Optional.empty(), a, b);
  }

  public boolean disagrees() {
    return kind == Kind.DISAGREE;
  }
}
