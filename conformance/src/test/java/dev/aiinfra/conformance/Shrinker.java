package dev.aiinfra.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shrinks a disagreeing case: removes whole documents, list elements and map entries, one at a
 * time, keeping a removal while the case still disagrees. Each round evaluates every candidate in
 * one oracle batch, so a round costs one process.
 */
final class Shrinker {
  private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory());
  private static final int MAX_ROUNDS = 60;
  private static final int MAX_CANDIDATES = 300;

  private final Area area;
  private final UpstreamOracle oracle;
  private final Path scratch;

  Shrinker(Area area, UpstreamOracle oracle, Path scratch) {
    this.area = area;
    this.oracle = oracle;
    this.scratch = scratch;
  }

  Case shrink(Case start) {
    Case current = start;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<Case> candidates = candidates(current);
      if (candidates.isEmpty()) {
        return current;
      }
      Path dir = scratch.resolve("shrink-" + round + "-" + System.nanoTime());
      for (Case c : candidates) {
        c.writeTo(dir.resolve(c.id()));
      }
      Map<String, Outcome> upstream = oracle.runBatch(dir);
      Case next = null;
      for (Case c : candidates) {
        Outcome theirs = upstream.get(c.id());
        if (theirs != null && Verdict.of(area, c, JavaSide.run(c, dir.resolve(c.id())), theirs).disagrees()) {
          next = c;
          break;
        }
      }
      deleteTree(dir);
      if (next == null) {
        return current;
      }
      current = next.withId(start.id());
    }
    return current;
  }

  /** Every case one removal smaller than {@code c}, largest removals first. */
  private List<Case> candidates(Case c) {
    record Cand(int size, Case value) {}
    List<Cand> out = new ArrayList<>();
    int n = 0;
    for (Map.Entry<String, String> f : c.files().entrySet()) {
      List<JsonNode> docs = readDocs(f.getValue());
      if (docs == null) {
        continue;
      }
      for (int d = 0; d < docs.size(); d++) {
        if (docs.size() > 1) {
          List<JsonNode> fewer = new ArrayList<>(docs);
          fewer.remove(d);
          out.add(new Cand(size(docs.get(d)), replace(c, f.getKey(), fewer, "s" + (n++))));
        }
        for (Removal r : removals(docs.get(d))) {
          List<JsonNode> edited = new ArrayList<>(docs);
          edited.set(d, r.result());
          out.add(new Cand(r.size(), replace(c, f.getKey(), edited, "s" + (n++))));
        }
      }
    }
    return out.stream().sorted(Comparator.comparingInt(Cand::size).reversed()).limit(MAX_CANDIDATES).map(Cand::value).toList();
  }

  private record Removal(int size, JsonNode result) {}

  /** Every tree {@code root} becomes with one list element or map entry removed, at any depth. */
  private static List<Removal> removals(JsonNode root) {
    List<Removal> out = new ArrayList<>();
    collect(root, root, new ArrayList<>(), out);
    return out;
  }

  private static void collect(JsonNode root, JsonNode node, List<Object> path, List<Removal> out) {
    if (node.isObject()) {
      Iterator<String> names = node.fieldNames();
      List<String> keys = new ArrayList<>();
      names.forEachRemaining(keys::add);
      for (String k : keys) {
        if (path.isEmpty() && (k.equals("apiVersion") || k.equals("kind"))) {
          continue;
        }
        List<Object> p = new ArrayList<>(path);
        p.add(k);
        out.add(new Removal(size(node.get(k)), without(root, p)));
        collect(root, node.get(k), p, out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        List<Object> p = new ArrayList<>(path);
        p.add(i);
        out.add(new Removal(size(node.get(i)), without(root, p)));
        collect(root, node.get(i), p, out);
      }
    }
  }

  private static JsonNode without(JsonNode root, List<Object> path) {
    JsonNode copy = root.deepCopy();
    JsonNode parent = copy;
    for (int i = 0; i < path.size() - 1; i++) {
      Object step = path.get(i);
      parent = step instanceof String s ? parent.get(s) : parent.get((Integer) step);
    }
    Object last = path.get(path.size() - 1);
    if (last instanceof String s) {
      ((ObjectNode) parent).remove(s);
    } else {
      ((ArrayNode) parent).remove((Integer) last);
    }
    return copy;
  }

  private static int size(JsonNode n) {
    int s = 1;
    for (JsonNode child : n) {
      s += size(child);
    }
    return s;
  }

  private static List<JsonNode> readDocs(String text) {
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
      List<JsonNode> docs = new ArrayList<>();
      while (it.hasNext()) {
        JsonNode d = it.next();
        if (d != null && !d.isNull() && !d.isMissingNode()) {
          docs.add(d);
        }
      }
      return docs;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static Case replace(Case c, String file, List<JsonNode> docs, String suffix) {
    Map<String, String> files = new LinkedHashMap<>(c.files());
    files.put(file, writeDocs(docs));
    return new Case(c.id() + "-" + suffix, c.seed(), c.args(), files);
  }

  static String writeDocs(List<JsonNode> docs) {
    try {
      StringBuilder s = new StringBuilder();
      for (JsonNode d : docs) {
        s.append(YAML.writeValueAsString(d));
      }
      return s.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
