package dev.aiinfra.benchmarks.dns;

import dev.aiinfra.core.model.dns.DnsAnswer;
import dev.aiinfra.core.model.dns.DnsLookup;
import dev.aiinfra.core.model.dns.KubeletDnsSettings;
import dev.aiinfra.core.model.dns.PodDns;
import dev.aiinfra.core.model.dns.ResolvConf;
import dev.aiinfra.core.model.dns.ResolverFlavor;
import dev.aiinfra.core.policy.dns.KubeletResolvConf;
import dev.aiinfra.core.policy.dns.LookupTargets;
import dev.aiinfra.core.policy.dns.StubResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/** Resolve 10,000 names (a mix of external and in-cluster) through a ClusterFirst pod's resolv.conf. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ResolveBenchmark {
  @Param({"GLIBC", "MUSL"})
  public ResolverFlavor flavor;

  private List<String> names;
  private ResolvConf conf;
  private Function<String, DnsAnswer> answers;

  @Setup
  public void setUp() {
    SplittableRandom r = new SplittableRandom(42);
    List<DnsLookup> lookups = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      String label = "n" + r.nextInt(1_000_000);
      lookups.add(i % 2 == 0 ? DnsLookup.external(label + ".example.com") : DnsLookup.inCluster(label + ".ns" + (i % 17)));
    }
    names = lookups.stream().map(DnsLookup::name).toList();
    conf = KubeletResolvConf.build(PodDns.builder().namespace("ml").build(),
        KubeletDnsSettings.builder().addClusterDns("10.96.0.10").build()).resolvConf();
    answers = LookupTargets.answers(lookups, "ml", "cluster.local");
  }

  @Benchmark
  public void resolve10000Names(Blackhole bh) {
    for (String n : names) {
      bh.consume(StubResolver.resolve(n, conf, flavor, answers));
    }
  }
}
