package dev.aiinfra.core.read.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Valid YAML reads to the same trees as before the reader built them from parser events
 * (issue 14): same values, same number node types, same key order.
 */
class YamlTreesAgreementTest {
  private static final TreeLimits LIMITS = new TreeLimits(8 << 20, 100_000, 50, 100_000, 100);

  /** Same trees, or both refuse the text. */
  private static void assertSameTrees(String yaml) {
    List<JsonNode> expected;
    try {
      expected = LegacyYamlTrees.read(yaml);
    } catch (RuntimeException e) {
      assertThatThrownBy(() -> YamlTrees.read(yaml, LIMITS)).as(yaml).isInstanceOf(TreeReadException.class);
      return;
    }
    List<JsonNode> actual;
    try {
      actual = YamlTrees.read(yaml, LIMITS);
    } catch (TreeReadException e) {
      throw new AssertionError("refused what was read before: " + e.getMessage() + "\n" + yaml, e);
    }
    assertThat(actual).as(yaml).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(describe(actual.get(i))).as(yaml).isEqualTo(describe(expected.get(i)));
    }
  }

  /** The tree as text with each number's node type, so 1 as an int and 1 as a long differ. */
  private static String describe(JsonNode n) {
    StringBuilder s = new StringBuilder();
    describe(n, s);
    return s.toString();
  }

  private static void describe(JsonNode n, StringBuilder s) {
    if (n.isObject()) {
      s.append('{');
      n.properties().forEach(f -> {
        s.append(f.getKey()).append(':');
        describe(f.getValue(), s);
        s.append(',');
      });
      s.append('}');
    } else if (n.isArray()) {
      s.append('[');
      n.forEach(v -> {
        describe(v, s);
        s.append(',');
      });
      s.append(']');
    } else {
      s.append(n.getNodeType()).append('/').append(n.getClass().getSimpleName()).append('/').append(n);
    }
  }

  @Test
  void yaml_11_scalars_resolve_as_before() {
    String[] scalars = {
        "1", "-1", "+12", "0", "-0", "017", "0x1F", "0b101", "1_000", "1:30", "190:20:30", "99999999999", "100000000000000000000",
        "2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
        "-9223372036854775808", "-9223372036854775809", "+0", "00", "-007", "123456789012345678", "1234567890123456789", "1.5", "1e5", "1.0", "1.5e3", "-1.5E-3", "6.8523015e+5", "190:20:30.15", ".inf",
        "-.Inf", ".NaN", "08080", "0o17", "1Gi", "500m", "1E", "yes", "No", "ON", "off", "y", "n", "true", "False", "TRUE",
        "~", "null", "Null", "NULL", "", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "abc", "a b", "<<", "0.", ".5", "-.5", "1__0"
    };
    StringBuilder doc = new StringBuilder();
    for (int i = 0; i < scalars.length; i++) {
      doc.append("k").append(i).append(": ").append(scalars[i]).append('\n');
      assertSameTrees("v: " + scalars[i] + "\n");
      assertSameTrees("v: '" + scalars[i] + "'\n");
      assertSameTrees("v: [" + scalars[i] + "]\n");
    }
    assertSameTrees(doc.toString());
  }

  @Test
  void explicit_tags_resolve_as_before() {
    for (String s : new String[] {"!!str 1", "!!int \"12\"", "!!float 1", "!!bool yes", "!!null ''", "!!binary aGVsbG8=", "! 12", "!!str",
        "!!timestamp 2001-12-14"}) {
      assertSameTrees("v: " + s + "\n");
    }
  }

  @Test
  void structures_aliases_and_merge_keys_read_as_before() {
    assertSameTrees("b: 1\na: 2\nc: {z: 1, y: [1, 2, {x: 3}]}\n");
    assertSameTrees("base: &b {cpu: 1, memory: 2Gi}\nuse: *b\nlist: [*b, *b]\n");
    assertSameTrees("s: &s hello\nt: *s\n");
    assertSameTrees("a: &a {x: 1, y: 2}\nb: &b {y: 3, z: 4}\nc:\n  <<: *a\n  x: 9\nd:\n  <<: [*a, *b]\ne:\n  <<: [*b, *a]\n  w: 0\n");
    assertSameTrees("c:\n  <<: {x: 1}\n  y: 2\n");
    assertSameTrees("---\n---\na: 1\n...\n---\n# only a comment\n---\n");
    assertSameTrees("%YAML 1.1\n---\na: 1\n");
    assertSameTrees("a: |\n  line one\n  line two\nb: >\n  folded\n  text\nc: \"esc\\t\\u00e9\\n\"\nd: 'it''s'\n");
    assertSameTrees("list:\n- a\n- b: 1\n  c: 2\n-\n- - x\n  - y\n");
    assertSameTrees("emoji: \"\uD83D\uDE00\"\nplain: caf\u00e9\n");
    assertSameTrees("a: 1 # comment\n# another\nb: [1, 2] # trailing\n");
  }

  @Test
  void every_manifest_in_this_module_reads_as_before() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path root : List.of(Path.of("src/test/resources"), Path.of("src/main/resources"))) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> s = Files.walk(root)) {
          s.filter(p -> p.toString().matches(".*\\.ya?ml")).forEach(files::add);
        }
      }
    }
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      assertSameTrees(Files.readString(f));
    }
  }

  @Test
  void generated_documents_read_as_before() {
    Random random = new Random(14);
    String[] words = {"a", "name", "1", "0x10", "yes", "~", "1.5", "'q'", "\"d\"", "x y", "-", "2Gi", "0", "true", "null"};
    for (int n = 0; n < 300; n++) {
      StringBuilder doc = new StringBuilder();
      generateMap(random, words, doc, "", 0);
      assertSameTrees(doc.toString());
    }
  }

  private static void generateMap(Random random, String[] words, StringBuilder doc, String indent, int depth) {
    int keys = 1 + random.nextInt(4);
    for (int k = 0; k < keys; k++) {
      doc.append(indent).append("k").append(k).append(':');
      int shape = depth > 3 ? 0 : random.nextInt(4);
      if (shape == 0) {
        doc.append(' ').append(words[random.nextInt(words.length)]).append('\n');
      } else if (shape == 1) {
        doc.append('\n');
        generateMap(random, words, doc, indent + "  ", depth + 1);
      } else if (shape == 2) {
        doc.append('\n');
        for (int i = random.nextInt(3); i >= 0; i--) {
          doc.append(indent).append("- ").append(words[random.nextInt(words.length)]).append('\n');
        }
      } else {
        doc.append(" {a: ").append(words[random.nextInt(words.length)]).append(", b: [").append(words[random.nextInt(words.length)])
            .append("]}\n");
      }
    }
  }
}
