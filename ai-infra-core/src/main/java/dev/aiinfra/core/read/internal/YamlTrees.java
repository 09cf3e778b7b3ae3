package dev.aiinfra.core.read.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;

/**
 * Reads a YAML stream into Jackson trees, one per document, in time linear in its length and with
 * every limit checked where the problem is born:
 *
 * <ul>
 *   <li>document sizes and counts before parsing ({@link YamlDocumentScan});
 *   <li>snakeyaml's scanner and parser (YAML 1.1, as go-yaml v2 behind kubectl) read the text
 *       through {@link InMemoryStreamReader}, in constant time per character; snakeyaml's own
 *       reader makes one long scalar quadratic;
 *   <li>every alias counts, of a scalar too; the nodes aliases add are bounded; an alias inside the
 *       node it names (a recursive alias) is refused, as kubectl refuses it;
 *   <li>map keys become JSON keys as {@code sigs.k8s.io/yaml} makes them ({@link YamlKeys}); null,
 *       list and map keys and duplicate keys are refused with their field path;
 *   <li>nesting is bounded while events arrive, so deep input is refused before the rest is parsed.
 * </ul>
 *
 * Trees are built straight from parser events (no intermediate Java objects); map keys are in
 * code-point order, as the reader has always produced them. Scalars mean what they meant before
 * (see {@link KubernetesScalars}), including merge keys ({@code <<}).
 */
public final class YamlTrees {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private YamlTrees() {}

  /** Every document of {@code text}; an empty document is a null node. */
  public static List<JsonNode> read(String text, TreeLimits limits) {
    List<JsonNode> documents = new ArrayList<>();
    read(text, limits, documents::add);
    return documents;
  }

  /**
   * Hands each document to {@code sink} as soon as it is read (so a caller can convert it while
   * its tree is young), in order; an empty document is a null node. Stops at the first problem.
   */
  public static void read(String text, TreeLimits limits, Consumer<JsonNode> sink) {
    char[] chars = text.toCharArray();
    YamlDocumentScan.check(chars, limits);
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(limits.maxDocumentChars()); // the scan above has counted; this only backs it up
    Parser parser = new ParserImpl(new InMemoryStreamReader(chars), options);
    KubernetesScalars scalars = new KubernetesScalars();
    int index = 0;
    try {
      for (Event e = parser.getEvent(); e.getEventId() != Event.ID.StreamEnd; e = parser.getEvent()) {
        if (e.getEventId() == Event.ID.DocumentStart) {
          sink.accept(new Document(limits, scalars, index).read(parser));
          index++;
        }
      }
    } catch (MarkedYAMLException e) {
      throw new TreeReadException(OptionalInt.of(index), "", describe(e));
    } catch (YAMLException e) {
      throw new TreeReadException(OptionalInt.of(index), "", "invalid YAML: " + firstLine(e.getMessage()));
    }
  }

  private static String describe(MarkedYAMLException e) {
    StringBuilder text = new StringBuilder("invalid YAML: ");
    if (e.getContext() != null) {
      text.append(e.getContext()).append(' ');
    }
    text.append(e.getProblem() == null ? firstLine(e.getMessage()) : e.getProblem());
    if (e.getProblemMark() != null) {
      text.append(where(e.getProblemMark()));
    }
    return text.toString();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable input";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  /** A node read or named by an anchor: its tree, its node count and height (for alias limits). */
  private record Read(JsonNode node, int nodes, int height) {}

  /** A map or list being read. */
  private abstract static class Frame {
    final Optional<String> anchor;
    final Event start;
    int nodes = 1;
    int height = 1;

    Frame(Optional<String> anchor, Event start) {
      this.anchor = anchor;
      this.start = start;
    }

    void counted(int childNodes, int childHeight) {
      nodes += childNodes;
      height = Math.max(height, childHeight + 1);
    }
  }

  private static final class ListFrame extends Frame {
    final ArrayNode items = NODES.arrayNode();

    ListFrame(Optional<String> anchor, Event start) {
      super(anchor, start);
    }
  }

  private static final class MapFrame extends Frame {
    final ObjectNode entries = NODES.objectNode();
    /** Maps from merge keys, in order; null until there is one. */
    List<ObjectNode> merges;
    /** The key whose value comes next; null while a key is expected. */
    String key;
    boolean merge;
    /** Whether the keys came in code-point order (most do), so the map needs no sorting. */
    boolean sorted = true;
    String lastKey;

    MapFrame(Optional<String> anchor, Event start) {
      super(anchor, start);
    }

    boolean expectsKey() {
      return key == null && !merge;
    }

    void put(String k, JsonNode value) {
      if (lastKey != null && k.compareTo(lastKey) < 0) {
        sorted = false;
      }
      lastKey = k;
      entries.set(k, value);
    }

    /** The map in code-point key order; its own keys win over merged ones, earlier merges over later. */
    ObjectNode finish() {
      if (sorted && merges == null) {
        return entries;
      }
      TreeMap<String, JsonNode> all = new TreeMap<>();
      entries.properties().forEach(f -> all.put(f.getKey(), f.getValue()));
      if (merges != null) {
        for (ObjectNode merged : merges) {
          merged.properties().forEach(f -> all.putIfAbsent(f.getKey(), f.getValue()));
        }
      }
      ObjectNode object = NODES.objectNode();
      object.setAll(all);
      return object;
    }
  }

  /** One document's events into one tree. */
  private static final class Document {
    private final TreeLimits limits;
    private final KubernetesScalars scalars;
    private final int index;
    /** The latest definition of each anchor: a finished {@link Read} or the {@link Frame} still open. */
    private final Map<String, Object> anchors = new HashMap<>();
    private final Deque<Frame> stack = new ArrayDeque<>();
    private int aliases;
    private long aliasNodes;
    private JsonNode root;

    Document(TreeLimits limits, KubernetesScalars scalars, int index) {
      this.limits = limits;
      this.scalars = scalars;
      this.index = index;
    }

    JsonNode read(Parser parser) {
      while (true) {
        Event e = parser.getEvent();
        switch (e.getEventId()) {
          case Scalar -> scalar((ScalarEvent) e);
          case Alias -> alias((AliasEvent) e);
          case MappingStart -> start(new MapFrame(anchor(e), e), "a map");
          case SequenceStart -> start(new ListFrame(anchor(e), e), "a list");
          case MappingEnd, SequenceEnd -> end();
          case DocumentEnd -> {
            return root == null ? NODES.nullNode() : root;
          }
          default -> {
            // comments, stream events
          }
        }
      }
    }

    private static Optional<String> anchor(Event e) {
      return Optional.ofNullable(((NodeEvent) e).getAnchor());
    }

    private void scalar(ScalarEvent e) {
      Optional<String> tag = Optional.ofNullable(e.getTag());
      boolean implicit = e.getImplicit().canOmitTagInPlainScalar();
      if (stack.peek() instanceof MapFrame map && map.expectsKey() && tag.isEmpty() && e.isPlain() && KubernetesScalars.isMerge(e.getValue())) {
        map.merge = true;
        return;
      }
      JsonNode value;
      try {
        value = scalars.value(tag, e.getValue(), implicit);
      } catch (KubernetesScalars.ScalarException x) {
        throw fail(path(), "Invalid value: " + x.getMessage() + at(e));
      }
      if (e.getAnchor() != null) {
        anchors.put(e.getAnchor(), new Read(value, 1, 0));
      }
      add(value, 1, 0, e);
    }

    private void alias(AliasEvent e) {
      String name = e.getAnchor();
      if (++aliases > limits.maxAliases()) {
        throw fail("", "more than " + limits.maxAliases() + " aliases (*name); every alias counts, of a scalar too" + at(e));
      }
      Object target = anchors.get(name);
      if (target instanceof Frame) {
        throw fail(path(), "Invalid value: the alias *" + name + " is inside the node &" + name
            + " it refers to; a recursive alias has no JSON form" + at(e));
      }
      if (target == null) {
        throw fail(path(), "Invalid value: the alias *" + name + " refers to no anchor &" + name + " before it" + at(e));
      }
      Read read = (Read) target;
      aliasNodes += read.nodes();
      if (aliasNodes > limits.maxAliasNodes()) {
        throw fail("", "aliases add more than " + limits.maxAliasNodes() + " nodes to the document" + at(e));
      }
      if (stack.size() + read.height() > limits.maxNesting()) {
        throw nestedTooDeep(e);
      }
      JsonNode copy = read.node().isContainerNode() ? read.node().deepCopy() : read.node();
      add(copy, read.nodes(), read.height(), e);
    }

    private void start(Frame frame, String kind) {
      if (stack.peek() instanceof MapFrame map && map.expectsKey()) {
        throw fail(path(), "Invalid value: a map key must be a string, not " + kind + at(frame.start));
      }
      if (stack.size() >= limits.maxNesting()) {
        throw nestedTooDeep(frame.start);
      }
      Optional<String> tag = Optional.ofNullable(((CollectionStartEvent) frame.start).getTag());
      String expected = frame instanceof MapFrame ? "tag:yaml.org,2002:map" : "tag:yaml.org,2002:seq";
      if (tag.isPresent() && !tag.get().equals("!") && !tag.get().equals(expected)) {
        throw fail(path(), "Invalid value: the tag " + tag.get().replace("tag:yaml.org,2002:", "!!")
            + " is not supported; Kubernetes YAML holds maps, lists and scalars" + at(frame.start));
      }
      frame.anchor.ifPresent(a -> anchors.put(a, frame));
      stack.push(frame);
    }

    private void end() {
      Frame frame = stack.pop();
      JsonNode node = frame instanceof MapFrame map ? map.finish() : ((ListFrame) frame).items;
      if (frame.anchor.isPresent() && anchors.get(frame.anchor.get()) == frame) {
        anchors.put(frame.anchor.get(), new Read(node, frame.nodes, frame.height));
      }
      add(node, frame.nodes, frame.height, frame.start);
    }

    /** Puts a finished node where the parser is: the root, a list item, a map key or a map value. */
    private void add(JsonNode node, int nodes, int height, Event e) {
      Frame top = stack.peek();
      if (top == null) {
        root = node;
        return;
      }
      if (top instanceof ListFrame list) {
        list.items.add(node);
        list.counted(nodes, height);
        return;
      }
      MapFrame map = (MapFrame) top;
      if (map.expectsKey()) {
        JsonNode key = node;
        if (key.isContainerNode()) {
          throw fail(path(), "Invalid value: a map key must be a string, not " + YamlKeys.kind(key) + at(e));
        }
        String text = YamlKeys.text(key).orElseThrow(
            () -> fail(path(), "Invalid value: a map key must be a string, not " + YamlKeys.kind(key) + at(e)));
        if (map.entries.has(text)) {
          map.key = text;
          throw fail(path(), "Duplicate value: duplicate key \"" + text + "\"" + at(e));
        }
        map.key = text;
        return;
      }
      if (map.merge) {
        merge(map, node, e);
        map.merge = false;
      } else {
        map.put(map.key, node);
        map.key = null;
      }
      map.counted(nodes, height);
    }

    private void merge(MapFrame map, JsonNode value, Event e) {
      if (map.merges == null) {
        map.merges = new ArrayList<>();
      }
      if (value.isObject()) {
        map.merges.add((ObjectNode) value);
        return;
      }
      if (value.isArray()) {
        for (JsonNode item : value) {
          if (!item.isObject()) {
            throw fail(path(), "Invalid value: the merge key << takes a map or a list of maps, and this list holds "
                + YamlKeys.kind(item) + at(e));
          }
          map.merges.add((ObjectNode) item);
        }
        return;
      }
      throw fail(path(), "Invalid value: the merge key << takes a map or a list of maps, not " + YamlKeys.kind(value) + at(e));
    }

    private TreeReadException nestedTooDeep(Event e) {
      return fail(path(), "nested deeper than the nesting limit of " + limits.maxNesting() + " maps and lists" + at(e));
    }

    private TreeReadException fail(String path, String rule) {
      return new TreeReadException(OptionalInt.of(index), path, rule);
    }

    /** The field path of the value being read, as the API server writes it: {@code spec.containers[0].name}. */
    private String path() {
      StringBuilder path = new StringBuilder();
      for (Iterator<Frame> it = stack.descendingIterator(); it.hasNext(); ) {
        Frame f = it.next();
        if (f instanceof ListFrame list) {
          path.append('[').append(list.items.size()).append(']');
        } else if (((MapFrame) f).key != null || ((MapFrame) f).merge) {
          MapFrame map = (MapFrame) f;
          if (path.length() > 0) {
            path.append('.');
          }
          path.append(map.merge ? "<<" : map.key);
        }
      }
      return path.toString();
    }

    private static String at(Event e) {
      return e.getStartMark() == null ? "" : where(e.getStartMark());
    }
  }

  private static String where(Mark m) {
    return " (line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1) + ")";
  }
}
