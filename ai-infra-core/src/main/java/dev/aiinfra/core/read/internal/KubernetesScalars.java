package dev.aiinfra.core.read.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * What a YAML scalar means: untagged plain scalars are resolved with YAML 1.1's implicit types as
 * go-yaml v2 (behind {@code sigs.k8s.io/yaml}, which kubectl uses) resolves them, minus timestamps,
 * which stay strings; quoted and block scalars are strings. Resolution uses snakeyaml's own
 * patterns with its first-character and length rules, construction its {@code SafeConstructor},
 * so values read exactly as they did when snakeyaml built Java objects first (before issue 14).
 * Matchers are reused: one per scalar was a quarter of the reading time. Not thread-safe (the
 * matchers, and the timestamp constructor's calendar): one instance per read.
 */
final class KubernetesScalars {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<Tag> SCALAR_TAGS = Set.of(Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.BINARY, Tag.TIMESTAMP);
  /** snakeyaml's resolver limits: words up to 10 characters, numbers up to 1,024. */
  private static final int WORD_LIMIT = 10;
  private static final int NUMBER_LIMIT = 1024;
  private final Matcher bool = Resolver.BOOL.matcher("");
  private final Matcher nullWord = Resolver.NULL.matcher("");
  private final Matcher integer = Resolver.INT.matcher("");
  private final Matcher floating = Resolver.FLOAT.matcher("");
  private final Constructors constructors = new Constructors();

  /** Whether an untagged plain scalar is YAML's merge key {@code <<} (snakeyaml's MERGE pattern). */
  static boolean isMerge(String plain) {
    return plain.equals("<<");
  }

  /**
   * The implicit type of a plain scalar, as the resolver the reader used before registered them:
   * bool for {@code yYnNtTfFoO}, int for {@code -+0-9}, float for {@code -+0-9.}, merge for
   * {@code <}, null for {@code ~nN} and the empty string, by first character and in that order.
   * Character tests are written out: this runs for every key and value.
   */
  private Tag resolve(String v) {
    int n = v.length();
    if (n == 0) {
      return Tag.NULL;
    }
    char c = v.charAt(0);
    switch (c) {
      case 'y', 'Y', 't', 'T', 'f', 'F', 'o', 'O' -> {
        return n <= WORD_LIMIT && bool.reset(v).matches() ? Tag.BOOL : Tag.STR;
      }
      case 'n', 'N' -> {
        if (n <= WORD_LIMIT && bool.reset(v).matches()) {
          return Tag.BOOL;
        }
        return n <= WORD_LIMIT && nullWord.reset(v).matches() ? Tag.NULL : Tag.STR;
      }
      case '~' -> {
        return n <= WORD_LIMIT && nullWord.reset(v).matches() ? Tag.NULL : Tag.STR;
      }
      case '<' -> {
        return isMerge(v) ? Tag.MERGE : Tag.STR;
      }
      case '.' -> {
        return n <= NUMBER_LIMIT && floating.reset(v).matches() ? Tag.FLOAT : Tag.STR;
      }
      default -> {
        if (c != '-' && c != '+' && (c < '0' || c > '9') || n > NUMBER_LIMIT) {
          return Tag.STR;
        }
        if (isPlainDecimal(v) || integer.reset(v).matches()) {
          return Tag.INT;
        }
        return floating.reset(v).matches() ? Tag.FLOAT : Tag.STR;
      }
    }
  }

  /**
   * The value of a scalar: {@code tag} is the explicit tag ({@code tag:yaml.org,2002:int}, {@code
   * !foo}, {@code !}) if any; {@code implicit} is the parser's "plain scalar without a specific
   * tag", the only kind that is resolved by its text.
   */
  JsonNode value(Optional<String> tag, String text, boolean implicit) {
    Tag t;
    if (tag.isEmpty() || tag.get().equals("!")) {
      t = implicit ? resolve(text) : Tag.STR;
      if (t == Tag.STR) {
        return NODES.textNode(text);
      }
      if (t == Tag.INT && isPlainDecimal(text)) {
        return decimal(text);
      }
    } else {
      try {
        t = new Tag(tag.get());
      } catch (IllegalArgumentException e) {
        throw new ScalarException("the tag " + tag.get() + " is not supported on a scalar");
      }
    }
    if (t.equals(Tag.STR)) {
      return NODES.textNode(text);
    }
    if (!SCALAR_TAGS.contains(t)) {
      throw new ScalarException("the tag " + shortTag(t) + " is not supported on a scalar; Kubernetes YAML holds "
          + "strings, numbers, booleans and null");
    }
    Object value;
    try {
      value = constructors.construct(t, text);
    } catch (YAMLException | NumberFormatException | ArithmeticException e) {
      throw new ScalarException("\"" + abbreviate(text) + "\" is not a valid " + shortTag(t));
    }
    if (implicit && value instanceof Double d && d.isInfinite() && !isInfinityWord(text)) {
      // go-yaml resolves a plain scalar as a float only when strconv.ParseFloat succeeds; past
      // the double range (1e1000) it fails and the scalar stays a string, as kubectl reads it.
      return NODES.textNode(text);
    }
    return node(value);
  }

  /** {@code .inf}, {@code -.Inf}, {@code +.INF}: the only plain scalars that mean infinity. */
  private static boolean isInfinityWord(String text) {
    return text.toLowerCase(java.util.Locale.ROOT).endsWith(".inf");
  }

  /**
   * {@code [-+]?(0|[1-9][0-9]*)}: the integers written the ordinary way, read here directly because
   * snakeyaml's constructor compiles a regular expression for every integer (to drop {@code _}),
   * which made a list of four million numbers take seconds.
   */
  private static boolean isPlainDecimal(String text) {
    int i = !text.isEmpty() && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
    if (i == text.length() || (text.charAt(i) == '0' && text.length() > i + 1)) {
      return false;
    }
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** As snakeyaml's {@code createNumber}: an int when it fits, else a long, else a big integer. */
  private static JsonNode decimal(String text) {
    String digits = text.charAt(0) == '+' ? text.substring(1) : text;
    if (digits.length() <= 18) {
      long v = Long.parseLong(digits);
      return v == (int) v ? NODES.numberNode((int) v) : NODES.numberNode(v);
    }
    BigInteger v = new BigInteger(digits);
    return v.bitLength() < 64 ? NODES.numberNode(v.longValue()) : NODES.numberNode(v);
  }

  private static JsonNode node(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof String s) {
      return NODES.textNode(s);
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (value instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (value instanceof BigInteger b) {
      return NODES.numberNode(b);
    }
    if (value instanceof Double d) {
      // Floats become BigDecimals without trailing zeros, as the shared mapper reads JSON;
      // infinities and NaN have no BigDecimal and stay doubles.
      return d.isNaN() || d.isInfinite() ? NODES.numberNode(d) : NODES.numberNode(BigDecimal.valueOf(d).stripTrailingZeros());
    }
    if (value instanceof byte[] bytes) {
      return NODES.binaryNode(bytes);
    }
    if (value instanceof Date date) {
      return NODES.numberNode(date.getTime());
    }
    throw new ScalarException("a value of this type is not supported");
  }

  /** {@code !!int} for the YAML tags, the tag itself otherwise. */
  static String shortTag(Tag t) {
    String v = t.getValue();
    return v.startsWith(Tag.PREFIX) ? "!!" + v.substring(Tag.PREFIX.length()) : v;
  }

  static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }

  /** A scalar that has no meaning for Kubernetes (an unknown tag, {@code !!int} on a word). */
  static final class ScalarException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ScalarException(String message) {
      super(message, null, false, false);
    }
  }

  /** snakeyaml's safe constructors, one scalar at a time and without its object cache. */
  private static final class Constructors extends SafeConstructor {
    Constructors() {
      super(new LoaderOptions());
    }

    Object construct(Tag tag, String text) {
      ScalarNode node = new ScalarNode(tag, text, null, null, DumperOptions.ScalarStyle.PLAIN);
      return getConstructor(node).construct(node);
    }
  }
}
