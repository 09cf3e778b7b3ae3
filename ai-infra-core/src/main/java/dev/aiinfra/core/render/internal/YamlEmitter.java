package dev.aiinfra.core.render.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.emitter.Emitter;
import org.yaml.snakeyaml.events.DocumentEndEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.ImplicitTuple;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.events.StreamEndEvent;
import org.yaml.snakeyaml.events.StreamStartEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Block-style YAML in kubectl's layout (two-space indent, sequences flush with their key), with
 * quotes only where a plain scalar would read back as another type, multi-line strings as literal
 * blocks, and no line folding.
 */
public final class YamlEmitter {
  private static final ThreadLocal<Yaml> YAML = ThreadLocal.withInitial(YamlEmitter::create);
  private static final ThreadLocal<TreeWriter> TREE = ThreadLocal.withInitial(TreeWriter::new);

  private YamlEmitter() {}

  public static String dump(Object plain) {
    return YAML.get().dump(plain);
  }

  /**
   * The same text as {@code dump(CanonicalTree.toPlain(tree))}, written straight from the tree as
   * emitter events: no intermediate maps, no representation graph, no anchor pass (a tree has no
   * shared nodes). Scalars still go through the representer and resolver, so quoting is unchanged.
   */
  public static void dump(JsonNode tree, StringBuilder out) {
    TREE.get().write(tree, out);
  }

  private static DumperOptions options() {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(0);
    options.setWidth(Integer.MAX_VALUE);
    options.setSplitLines(false);
    options.setLineBreak(DumperOptions.LineBreak.UNIX);
    return options;
  }

  private static Yaml create() {
    DumperOptions options = options();
    return new Yaml(new KubeRepresenter(options), options);
  }

  /** One thread's emitter state: options, representer and resolver are reused across documents. */
  private static final class TreeWriter {
    private final DumperOptions options = options();
    private final KubeRepresenter representer = new KubeRepresenter(options);
    private final Resolver resolver = new Resolver();
    private final String mapTag = Tag.MAP.getValue();
    private final String seqTag = Tag.SEQ.getValue();
    // Keys and many values repeat across documents; the resolver's regular expressions need not run again.
    private final Map<String, ImplicitTuple> stringTuples = new java.util.HashMap<>();

    void write(JsonNode tree, StringBuilder out) {
      Emitter e = new Emitter(new BuilderWriter(out), options);
      try {
        e.emit(new StreamStartEvent(null, null));
        e.emit(new DocumentStartEvent(null, null, false, null, Map.of()));
        node(e, tree);
        e.emit(new DocumentEndEvent(null, null, false));
        e.emit(new StreamEndEvent(null, null));
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }

    private void node(Emitter e, JsonNode n) throws IOException {
      if (n.isObject()) {
        e.emit(new MappingStartEvent(null, mapTag, true, null, null, DumperOptions.FlowStyle.BLOCK));
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> f = it.next();
          scalar(e, f.getKey());
          node(e, f.getValue());
        }
        e.emit(new MappingEndEvent(null, null));
      } else if (n.isArray()) {
        e.emit(new SequenceStartEvent(null, seqTag, true, null, null, DumperOptions.FlowStyle.BLOCK));
        for (JsonNode v : n) {
          node(e, v);
        }
        e.emit(new SequenceEndEvent(null, null));
      } else {
        scalar(e, CanonicalTree.toPlain(n));
      }
    }

    /** As snakeyaml's serializer: the tag is implicit where the resolver would read the value back as it. */
    private void scalar(Emitter e, Object value) throws IOException {
      ScalarNode s = (ScalarNode) representer.represent(value);
      Tag tag = s.getTag();
      ImplicitTuple implicit;
      if (tag == Tag.STR) {
        if (stringTuples.size() > 50_000) {
          stringTuples.clear();
        }
        implicit = stringTuples.computeIfAbsent(s.getValue(), v -> implicit(Tag.STR, v));
      } else {
        implicit = implicit(tag, s.getValue());
      }
      e.emit(new ScalarEvent(null, tag.getValue(), implicit, s.getValue(), null, null, s.getScalarStyle()));
    }

    private ImplicitTuple implicit(Tag tag, String value) {
      return new ImplicitTuple(
          tag.equals(resolver.resolve(NodeId.scalar, value, true)), tag.equals(resolver.resolve(NodeId.scalar, value, false)));
    }
  }

  /** A Writer appending to a StringBuilder (StringWriter's StringBuffer locks on every call). */
  private static final class BuilderWriter extends Writer {
    private final StringBuilder out;

    BuilderWriter(StringBuilder out) {
      this.out = out;
    }

    @Override
    public void write(char[] buf, int off, int len) {
      out.append(buf, off, len);
    }

    @Override
    public void write(String str) {
      out.append(str);
    }

    @Override
    public void write(String str, int off, int len) {
      out.append(str, off, off + len);
    }

    @Override
    public void write(int c) {
      out.append((char) c);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  /** Strings with line breaks as literal blocks; decimals in plain notation. */
  private static final class KubeRepresenter extends Representer {
    KubeRepresenter(DumperOptions options) {
      super(options);
      Represent plainString = representers.get(String.class);
      representers.put(
          String.class,
          data -> {
            String s = (String) data;
            if (s.indexOf('\n') >= 0 && isLiteralSafe(s)) {
              return representScalar(Tag.STR, s, DumperOptions.ScalarStyle.LITERAL);
            }
            return plainString.representData(data);
          });
      representers.put(
          BigDecimal.class,
          data -> representScalar(Tag.FLOAT, ((BigDecimal) data).toPlainString()));
    }

    private static boolean isLiteralSafe(String s) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if ((c < 0x20 && c != '\n') || c == 0x7f) {
          return false;
        }
        if (c == ' ' && (i + 1 == s.length() || s.charAt(i + 1) == '\n')) {
          return false; // trailing spaces would not survive a literal block
        }
      }
      return true;
    }
  }
}
