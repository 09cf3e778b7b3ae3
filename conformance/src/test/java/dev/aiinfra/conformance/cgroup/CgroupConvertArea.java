package dev.aiinfra.conformance.cgroup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.conformance.Area;
import dev.aiinfra.conformance.Case;
import dev.aiinfra.conformance.Divergence;
import dev.aiinfra.conformance.Outcome;
import dev.aiinfra.testing.Gen;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code cgroup convert} against the kubelet's {@code MilliCPUToShares}/{@code MilliCPUToQuota}, its
 * linear weight, and opencontainers/cgroups' quadratic weight: shares over the whole range and its
 * edges, CPU quantities in every suffix, periods from the 1 ms floor to 1 s.
 */
public final class CgroupConvertArea implements Area {
  private static final Gen<String> CPU = Gen.oneOfGens(
      Gen.ints(0, 4000).map(m -> m + "m"),
      Gen.ints(0, 256).map(String::valueOf),
      Gen.oneOf("1m", "2m", "9m", "10m", "11m", "0.5", "1.5", "0.001", "0.0015", "100u", "1500u", "1k", "1e3m", "2e-3", "262144m", "262145m", "1000000"),
      Gen.ints(1, 9).map(d -> "0." + d));
  private static final Gen<Long> SHARES = Gen.oneOfGens(
      Gen.ints(0, 300).map(Integer::longValue),
      Gen.ints(0, 262_200).map(Integer::longValue),
      Gen.oneOf(0L, 1L, 2L, 3L, 1024L, 262_143L, 262_144L, 262_145L, 1_000_000L));

  @Override
  public String name() {
    return "CGROUP-CONVERT";
  }

  @Override
  public Case generate(long caseSeed, String id) {
    SplittableRandom r = new SplittableRandom(caseSeed);
    List<String> args = new ArrayList<>(List.of("cgroup", "convert", "-o", "json"));
    int shape = r.nextInt(4);
    if (shape == 0 || shape == 3) {
      args.addAll(List.of("--cpu-shares", String.valueOf(SHARES.next(r))));
    } else {
      args.addAll(List.of("--cpu-request", CPU.next(r)));
    }
    if (shape >= 2 || r.nextBoolean()) {
      args.addAll(List.of("--cpu-limit", CPU.next(r)));
      if (r.nextBoolean()) {
        args.addAll(List.of("--cpu-period", String.valueOf(Gen.oneOfGens(Gen.ints(1000, 1_000_000), Gen.oneOf(1000, 100000, 1000000, 50000, 3333)).next(r))));
      }
    }
    if (r.nextBoolean()) {
      args.addAll(List.of("--formula", r.nextBoolean() ? "linear" : "quadratic"));
    }
    return new Case(id, caseSeed, args, Map.of());
  }

  /**
   * The kubelet's linear {@code getCPUWeight} computes {@code 1 + (shares − 2)·9999/262142} in uint64:
   * shares 0 and 1 wrap around to a weight in the billions (0 → 1 + (2^64−2)·9999 mod 2^64 / 262142).
   * The kubelet never passes them (MilliCPUToShares clamps to ≥ 2); the SDK answers 0 for 0 ("not
   * set", as the runtimes do) and 1 for 1 (the cgroup v2 minimum).
   */
  @Override
  public List<Divergence> divergences() {
    return List.of(new Divergence("linear-weight-below-min-shares",
        "kubelet getCPUWeight underflows (uint64) for shares 0 and 1, which it never receives; the SDK gives 0 (unset) and 1",
        "https://github.com/kubernetes/kubernetes/blob/v1.36.3/pkg/kubelet/cm/cgroup_manager_linux.go#L268-L277",
        (c, ours, upstream) -> {
          int i = c.args().indexOf("--cpu-shares");
          int f = c.args().indexOf("--formula");
          if (i < 0 || f < 0 || !"linear".equals(c.args().get(f + 1)) || ours.exit() != 0 || upstream.exit() != 0) {
            return false;
          }
          long shares = Long.parseLong(c.args().get(i + 1));
          JsonNode a = ours.json();
          JsonNode b = upstream.json();
          if (shares >= 2 || a.path("cpuShares").asLong() != shares || b.path("cpuShares").asLong() != shares
              || a.path("cpu.weight").asLong() != Math.max(shares, 0)) {
            return false;
          }
          ObjectNode x = a.deepCopy();
          ObjectNode y = b.deepCopy();
          x.remove("cpu.weight");
          y.remove("cpu.weight");
          return x.equals(y);
        }));
  }

  @Override
  public JsonNode project(Case c, Outcome o) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("exit", o.exit());
    if (o.exit() == 0) {
      n.set("result", o.json());
    }
    return n;
  }
}
