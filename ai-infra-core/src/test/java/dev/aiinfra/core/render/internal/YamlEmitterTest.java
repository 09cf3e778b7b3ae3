package dev.aiinfra.core.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class YamlEmitterTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Strings a plain scalar would read back as something else, or that need a block or escapes. */
  private static final List<String> AWKWARD = List.of(
      "", " ", "true", "True", "on", "yes", "y", "n", "null", "~", "1", "-5", "0x1f", "0o17", "1e3", ".inf", ".nan",
      "1.5", "2026-12-02", "12:30", "a: b", "- x", "#x", "x #y", "&a", "*a", "!t", "|", ">", "'q'", "\"q\"", "%p", "@x", "`x",
      "line1\nline2", "line1\nline2\n", "trailing \nspace", "tab\there", "bell\u0007", "del\u007f", "é ü 日本", "\u2028sep",
      "{a}", "[a]", "a,b", "?x", "x?", "--- x", "...", "=", "<<", "0.9", "1_000", "+1", "0777", "-.5");

  private static String viaPlain(JsonNode tree) {
    return YamlEmitter.dump(CanonicalTree.toPlain(tree));
  }

  private static String viaEvents(JsonNode tree) {
    StringBuilder out = new StringBuilder();
    YamlEmitter.dump(tree, out);
    return out.toString();
  }

  @Test
  void writing_from_the_tree_gives_the_same_text_for_awkward_strings_as_keys_and_values() {
    ObjectNode root = F.objectNode();
    ArrayNode list = root.putArray("list");
    for (String s : AWKWARD) {
      root.put(s, s);
      list.add(s);
    }
    assertThat(viaEvents(root)).isEqualTo(viaPlain(root));
  }

  @Test
  void writing_from_the_tree_gives_the_same_text_for_numbers_booleans_and_empty_collections() {
    ObjectNode root = F.objectNode();
    root.put("int", 3).put("long", Long.MAX_VALUE).put("negative", -7).put("yes", true).put("no", false);
    root.put("big", new BigInteger("123456789012345678901234567890"));
    root.put("decimal", new BigDecimal("0.000001")).put("exp", new BigDecimal("1E+3")).put("double", 2.5);
    root.putObject("emptyMap");
    root.putArray("emptyList");
    root.putArray("nested").addObject().putArray("inner").addArray().add(1).add("x");
    root.putObject("metadata").putObject("labels").put("app", "x").put("index", "1");
    assertThat(viaEvents(root)).isEqualTo(viaPlain(root));
  }

  @Test
  void writing_from_the_tree_agrees_with_the_plain_path_on_random_trees() {
    SplittableRandom r = new SplittableRandom(20261202L);
    for (int i = 0; i < 300; i++) {
      JsonNode tree = randomTree(r, 0);
      assertThat(viaEvents(tree)).as("tree %s", tree).isEqualTo(viaPlain(tree));
    }
  }

  private static JsonNode randomTree(SplittableRandom r, int depth) {
    int kind = depth > 3 ? 2 + r.nextInt(4) : r.nextInt(6);
    switch (kind) {
      case 0: {
        ObjectNode o = F.objectNode();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
          o.set(AWKWARD.get(r.nextInt(AWKWARD.size())) + (r.nextBoolean() ? "" : "k" + i), randomTree(r, depth + 1));
        }
        return o;
      }
      case 1: {
        ArrayNode a = F.arrayNode();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
          a.add(randomTree(r, depth + 1));
        }
        return a;
      }
      case 2:
        return F.textNode(AWKWARD.get(r.nextInt(AWKWARD.size())));
      case 3:
        return F.numberNode(r.nextLong(-1_000_000, 1_000_000));
      case 4:
        return F.booleanNode(r.nextBoolean());
      default:
        return F.numberNode(BigDecimal.valueOf(r.nextLong(-100_000, 100_000), r.nextInt(6)));
    }
  }
}
