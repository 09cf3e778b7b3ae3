package dev.aiinfra.conformance;

/**
 * A named, documented difference from upstream: a predicate over one case and both answers, a
 * one-line reason and the upstream issue or PR. Listed in docs/conformance.md. A case counts as a
 * named divergence only when its predicate holds; there are no blanket excludes.
 */
public record Divergence(String name, String reason, String link, Test test) {
  /** Whether this divergence explains the difference between the two answers of a case. */
  @FunctionalInterface
  public interface Test {
    boolean explains(Case c, Outcome ours, Outcome upstream);
  }
}
