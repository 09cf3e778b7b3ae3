package dev.aiinfra.fuzz;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a fuzz target reports a broken property. An unknown finding is thrown (Jazzer keeps its
 * input and the test fails); one of a {@link KnownFinding} class is noted on stderr (the first
 * of each class) and counted, and the target goes on.
 */
final class Findings {
  private static final Map<KnownFinding, Integer> COUNTS = new EnumMap<>(KnownFinding.class);
  private static final Set<KnownFinding> HIT = EnumSet.noneOf(KnownFinding.class);

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(Findings::summary, "fuzz-known-findings"));
  }

  private Findings() {}

  static void report(String finding) {
    KnownFinding known = KnownFinding.of(finding).orElseThrow(() -> new AssertionError(finding));
    synchronized (COUNTS) {
      HIT.add(known);
      if (COUNTS.merge(known, 1, Integer::sum) == 1) {
        System.err.println("[fuzz] known finding " + known + " (" + known.origin() + "), not fixed on this branch;"
            + " noted, not failed:\n" + indent(finding));
      }
    }
  }

  /** A Throwable that escaped a reader the target calls directly. */
  static void escaped(String step, Throwable t) {
    String finding = step + " threw " + t.getClass().getSimpleName() + ": " + t.getMessage();
    if (KnownFinding.of(finding).isEmpty()) {
      throw new AssertionError(finding, t);
    }
    report(finding);
  }

  /** The known classes noted since the last call (for {@link FindingsReplayTest}). */
  static Set<KnownFinding> drainHit() {
    synchronized (COUNTS) {
      Set<KnownFinding> hit = EnumSet.noneOf(KnownFinding.class);
      hit.addAll(HIT);
      HIT.clear();
      return hit;
    }
  }

  private static void summary() {
    synchronized (COUNTS) {
      if (!COUNTS.isEmpty()) {
        System.err.println("[fuzz] known findings noted (class=inputs): " + COUNTS);
      }
    }
  }

  private static String indent(String s) {
    String text = s.length() <= 2000 ? s : s.substring(0, 2000) + " [...]";
    return "    " + text.replace("\n", "\n    ");
  }
}
