package dev.aiinfra.fuzz;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Failure classes that are known and not fixed on this branch: those of issue 14 ("Hostile input
 * and I/O speed"), being fixed where they are born in other branches, and those the fuzzer found
 * since, waiting for an owner. Until a fix lands, the fuzz targets note a finding of such a class
 * on stderr and go on instead of failing, so that the replayed corpus stays green and fuzzing
 * looks past them for new classes. The inputs that show each class are kept in
 * {@code fuzz/findings/<Class>Inputs/<method>/<CLASS>/} and replayed by {@link FindingsReplayTest},
 * which fails as soon as one no longer reproduces: then move the input into the replayed corpus
 * and, once no input of its class is left in {@code fuzz/findings/}, delete the class here.
 */
enum KnownFinding {
  /** Issue 14 class 1: {@code metadata: {name: p, 1: x}}, a list, map or null as a key: the tree conversion throws. */
  NON_STRING_KEYS("issue 14 class 1", "IllegalArgumentException: (?:class \\S+ cannot be cast|Null key for a Map|\\(was java\\.lang\\.ClassCastException\\)"
      + "|Cannot order Map entries by key of incomparable type)"),
  /** Issue 14 class 2: {@code metadata: &m {name: p, self: *m}} recurses without end. */
  SELF_ALIAS("issue 14 class 2", "StackOverflowError"),
  /** Issue 14 class 3: {@code 1E}, quantities past {@code long}, a null quantity. */
  QUANTITY_ARITHMETIC("issue 14 class 3", "NumberFormatException|ArithmeticException: Overflow|NullPointerException: [^\\n]*Quantity"),
  /** Issue 14 class 4: {@code containers: [null]} (and other null list elements where the model expects an object). */
  NULL_LIST_ELEMENT("issue 14 class 4", "NullPointerException: Cannot invoke \"io\\.fabric8\\.kubernetes\\.api\\.model\\.\\w+\\.get"),
  /**
   * Issue 14 class 5: an int-or-string port ({@code httpGet.port: 8080}) on the round trip through
   * an untyped map: {@code dns tune --ndots 1} re-reading a tuned Pod, {@code gang place} reading
   * a LeaderWorkerSet's pod template.
   */
  INT_OR_STRING_PORT("issue 14 class 5", "re-reading a tuned Pod failed|Cannot construct instance of `io\\.fabric8\\.kubernetes\\.api\\.model\\.IntOrString`"),
  /** Issue 14 class 6: a PD catalog with the same GPU twice (a null catalog), gpusPerNode past int, fractions. */
  PD_CATALOG("issue 14 class 6", "CatalogReader\\.read returned null|NullPointerException: [^\\n]*PdCatalog|ArithmeticException: / by zero"),
  /** Issue 14 class 7: {@code validate} accepts a quantity that another command refuses. */
  VALIDATE_QUANTITY("issue 14 class 7", "^validate accepted[^\\n]*\\n(?s:.*)^error: [^\\n]*resources\\.(?:requests|limits)\\."),
  /** Issue 14 class 8: the 50-alias limit counts only aliases of maps and lists. */
  ALIAS_LIMIT("issue 14 class 8", "^the reader accepted a document with \\d+ aliases"),
  /**
   * Found by the fuzzer: {@code validate} does not apply the DRA rules, so it accepts a
   * ResourceClaim ({@code allocationMode: Some}, a request named {@code BAD_NAME}, {@code count: -1})
   * that {@code dra allocate} refuses with field paths.
   */
  VALIDATE_SKIPS_DRA("found by the fuzzer", "^validate accepted the file \\(exit 0\\), but ai-infra dra allocate"),
  /**
   * Found by the fuzzer: {@code dns tune} refuses two objects of the same kind, namespace and name
   * with {@code objects[2]: Duplicate value: ...}: an index into its bundle, not the file and document.
   */
  DUPLICATE_OBJECTS_WITHOUT_FILE("found by the fuzzer", "^exit 2 without naming the input file[^\\n]*\\n(?s:.*)^error: objects\\[\\d+\\]: Duplicate value"),
  /**
   * Found by the fuzzer: when binding a typed kind fails other than by a type mismatch (fabric8's
   * Quantity constructor refusing {@code validRange.min: "needs an a8Gi"} in a ResourceSlice), the
   * reader's rule is Jackson's message with its reference chain of Java class names.
   */
  JACKSON_CHAIN_IN_MESSAGE("found by the fuzzer", "\\(through reference chain: (?:io\\.fabric8|java\\.util)\\."),
  /**
   * Found by the fuzzer: the PD catalog reader and the saved-plan reader pass the JSON/YAML
   * parser's message through ({@code java.io.CharConversionException: Invalid UTF-8 start byte},
   * {@code <org.yaml.snakeyaml.events.MappingStartEvent(...)>}).
   */
  PARSER_MESSAGE_JAVA_NAME("found by the fuzzer",
      "(?:not valid JSON or YAML|cannot read a plan): [^\\n]*(?:java\\.|javax\\.|org\\.yaml\\.|com\\.fasterxml\\.|\\[Source: )"),
  /**
   * Found while writing the contract check: the manifest reader's rule for broken JSON is Jackson's
   * message, with its location text ({@code [Source: REDACTED (`StreamReadFeature...` disabled);
   * line: 1, column: 7]}) instead of a line and column a person can use.
   */
  JACKSON_SOURCE_IN_MESSAGE("found by the fuzzer", "invalid JSON: [^\\n]*\\[Source: ");

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
