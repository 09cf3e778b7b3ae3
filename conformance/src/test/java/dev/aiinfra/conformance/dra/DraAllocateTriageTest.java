package dev.aiinfra.conformance.dra;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aiinfra.conformance.Case;
import dev.aiinfra.conformance.Conformance;
import dev.aiinfra.conformance.JavaSide;
import dev.aiinfra.conformance.Outcome;
import dev.aiinfra.conformance.UpstreamOracle;
import dev.aiinfra.conformance.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Triage aid ({@code -Dai-infra.conformance.triage=true}): every disagreement of the DRA area,
 * unshrunk, with both projections, written to {@code target/conformance/DRA-triage.txt}. Cases
 * are kept under {@code target/conformance/DRA-triage/}.
 */
class DraAllocateTriageTest {
  @Test
  void triage() throws Exception {
    assumeTrue(Boolean.getBoolean("ai-infra.conformance.triage"), "triage only on request");
    UpstreamOracle oracle = UpstreamOracle.get().orElseThrow();
    DraAllocateArea area = new DraAllocateArea();
    Path dir = Conformance.outDir().resolve("DRA-triage");
    Files.createDirectories(dir);
    List<Case> cases = new ArrayList<>();
    long seed = Conformance.seed();
    java.util.Set<String> only = new java.util.HashSet<>(java.util.Arrays.asList(System.getProperty("ai-infra.conformance.triage.only", "").split(",")));
    only.remove("");
    for (int i = 0; i < Conformance.cases(); i++) {
      String id = String.format("%06d", i);
      if (!only.isEmpty() && !only.contains(id)) {
        continue;
      }
      Case c = area.generate(Conformance.caseSeed(seed, i), id);
      c.writeTo(dir.resolve(c.id()));
      cases.add(c);
    }
    Map<String, Outcome> upstream = oracle.runBatch(dir);
    StringBuilder out = new StringBuilder();
    int bad = 0;
    for (Case c : cases) {
      Outcome ours = JavaSide.run(c, dir.resolve(c.id()));
      Verdict v = Verdict.of(area, c, ours, upstream.get(c.id()));
      if (v.kind() == Verdict.Kind.NAMED_DIVERGENCE) {
        out.append("--- named ").append(v.divergence().get().name()).append(' ').append(c.id()).append('\n')
            .append("ours:     ").append(v.ours()).append('\n').append("upstream: ").append(v.upstream()).append('\n')
            .append("ours error: ").append(ours.json().path("error")).append('\n');
      }
      if (v.disagrees()) {
        bad++;
        out.append("=== ").append(c.id()).append(' ').append(c.args()).append('\n')
            .append("ours:     ").append(v.ours()).append('\n').append("upstream: ").append(v.upstream()).append('\n')
            .append("ours error: ").append(ours.json().path("error")).append(" reasons ").append(ours.json().path("reasons")).append('\n')
            .append("upstream error: ").append(upstream.get(c.id()).json().path("error")).append(" reasons ").append(upstream.get(c.id()).json().path("reasons")).append('\n')
            .append("ours stderr: ").append(ours.stderr().strip()).append('\n')
            .append("upstream stderr: ").append(upstream.get(c.id()).stderr().strip()).append('\n');
      }
    }
    out.insert(0, "disagreements " + bad + "/" + cases.size() + "\n");
    Files.writeString(Conformance.outDir().resolve("DRA-triage.txt"), out.toString());
  }
}
