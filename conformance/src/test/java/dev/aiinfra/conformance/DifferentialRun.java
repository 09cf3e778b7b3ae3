package dev.aiinfra.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one area: generates cases from a seed, evaluates them on both sides (the oracle in one
 * process per chunk, ai-infra in this JVM meanwhile), compares the contract fields, and shrinks every
 * disagreement to a minimal reproducer under {@code target/conformance/AREA/}.
 */
public final class DifferentialRun {
  private static final int CHUNK = 2_500;
  private static final int MAX_REPRODUCERS = 20;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  private DifferentialRun() {}

  public static AreaReport run(Area area, UpstreamOracle oracle, long seed, int requested) {
    int count = Conformance.replaySeed().isPresent() ? 1 : requested;
    Path out = Conformance.outDir();
    Path areaDir = out.resolve(area.name());
    Shrinker.deleteTree(areaDir);
    Path scratch = out.resolve("cases").resolve(area.name());
    int agreed = 0;
    Map<String, Integer> named = new TreeMap<>();
    List<Path> reproducers = new ArrayList<>();
    for (int from = 0; from < count; from += CHUNK) {
      int to = Math.min(count, from + CHUNK);
      Path chunk = scratch.resolve("chunk-" + from);
      Shrinker.deleteTree(chunk);
      List<Case> cases = new ArrayList<>();
      for (int i = from; i < to; i++) {
        long caseSeed = Conformance.replaySeed().orElse(Conformance.caseSeed(seed, i));
        Case c = area.generate(caseSeed, String.format("%06d", i));
        c.writeTo(chunk.resolve(c.id()));
        cases.add(c);
      }
      CompletableFuture<Map<String, Outcome>> theirs = CompletableFuture.supplyAsync(() -> oracle.runBatch(chunk));
      List<Outcome> ours = new ArrayList<>();
      for (Case c : cases) {
        ours.add(JavaSide.run(c, chunk.resolve(c.id())));
      }
      Map<String, Outcome> upstream = theirs.join();
      for (int i = 0; i < cases.size(); i++) {
        Case c = cases.get(i);
        Outcome u = upstream.get(c.id());
        if (u == null) {
          throw new IllegalStateException("the oracle gave no answer for case " + c.id());
        }
        Verdict v = Verdict.of(area, c, ours.get(i), u);
        switch (v.kind()) {
          case AGREE -> agreed++;
          case NAMED_DIVERGENCE -> named.merge(v.divergence().get().name(), 1, Integer::sum);
          case DISAGREE -> {
            if (reproducers.size() < MAX_REPRODUCERS) {
              reproducers.add(writeReproducer(area, oracle, c, areaDir, scratch));
            } else {
              reproducers.add(areaDir.resolve(c.id()));
            }
          }
        }
      }
      Shrinker.deleteTree(chunk);
    }
    return new AreaReport(area.name(), count, agreed, named, reproducers);
  }

  /** Shrinks the case and writes it (args, files, both answers) to {@code areaDir/ID/}. */
  static Path writeReproducer(Area area, UpstreamOracle oracle, Case original, Path areaDir, Path scratch) {
    Case small = new Shrinker(area, oracle, scratch).shrink(original);
    Path dir = areaDir.resolve(small.id());
    small.writeTo(dir);
    Outcome ours = JavaSide.run(small, dir);
    Outcome theirs = oracle.run(small, scratch);
    ObjectNode doc = JSON.createObjectNode();
    doc.put("area", area.name());
    doc.put("case", small.id());
    doc.put("seed", small.seed());
    doc.put("replay", "./mvnw -B -Pconformance verify -Dai-infra.conformance.case-seed=" + small.seed()
        + " -Dtest=" + area.getClass().getSimpleName().replaceAll("Area$", "") + "ConformanceTest -Dsurefire.failIfNoSpecifiedTests=false");
    doc.set("args", JSON.valueToTree(small.args()));
    doc.set("ours", side(area, small, ours));
    doc.set("upstream", side(area, small, theirs));
    try {
      Files.writeString(dir.resolve("disagreement.yaml"), YAML.writeValueAsString(doc));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  private static JsonNode side(Area area, Case c, Outcome o) {
    ObjectNode n = JSON.createObjectNode();
    n.put("exit", o.exit());
    n.set("contract", area.project(c, o));
    n.put("stderr", o.stderr());
    return n;
  }
}
