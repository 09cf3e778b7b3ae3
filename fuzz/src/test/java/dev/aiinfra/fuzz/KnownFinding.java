package dev.aiinfra.fuzz;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Failure classes that are known and not yet fixed (none today: the eight classes of issue 14 and
 * the six the fuzzer found since are fixed, their inputs replayed as regression inputs). Until a fix lands, the fuzz targets note a finding of such a class
 * on stderr and go on instead of failing, so that the replayed corpus stays green and fuzzing
 * looks past them for new classes. The inputs that show each class are kept in
 * {@code fuzz/findings/<Class>Inputs/<method>/<CLASS>/} and replayed by {@link FindingsReplayTest},
 * which fails as soon as one no longer reproduces: then move the input into the replayed corpus
 * and, once no input of its class is left in {@code fuzz/findings/}, delete the class here.
 */
enum KnownFinding {
  // None: every class found so far is fixed and its inputs are in the replayed corpus. Add a
  // constant here (with its signature) only to keep a new finding while its fix is being written.
  ;

  private final String origin;
  private final Pattern signature;

  KnownFinding(String origin, String signature) {
    this.origin = origin;
    this.signature = Pattern.compile(signature, Pattern.MULTILINE);
  }

  /** Where the class comes from: {@code issue 14 class N}, or {@code found by the fuzzer}. */
  String origin() {
    return origin;
  }

  /** The known class whose signature the finding's description (up to any printed stdout) shows. */
  static Optional<KnownFinding> of(String finding) {
    int stdout = finding.indexOf("\n--- stdout\n");
    String head = stdout < 0 ? finding : finding.substring(0, stdout);
    for (KnownFinding k : values()) {
      if (k.signature.matcher(head).find()) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
