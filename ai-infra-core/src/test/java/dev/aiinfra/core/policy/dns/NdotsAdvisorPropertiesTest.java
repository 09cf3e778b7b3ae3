package dev.aiinfra.core.policy.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.dns.DnsAnswer;
import dev.aiinfra.core.model.dns.DnsLookup;
import dev.aiinfra.core.model.dns.KubeletDnsSettings;
import dev.aiinfra.core.model.dns.PodDns;
import dev.aiinfra.core.model.dns.ResolvConf;
import dev.aiinfra.core.model.dns.ResolverFlavor;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.core.render.dns.DnsTuning;
import dev.aiinfra.core.render.dns.TunedBundle;
import dev.aiinfra.testing.Gen;
import dev.aiinfra.testing.Property;
import dev.aiinfra.testing.Seeds;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The ndots advisor never costs queries, never breaks a lookup, and finds the cheapest safe ndots. */
class NdotsAdvisorPropertiesTest {
  private static final KubeletDnsSettings KUBELET = KubeletDnsSettings.builder().addClusterDns("10.96.0.10").build();

  static LongStream seeds() {
    return Seeds.of(20);
  }

  record Case(PodDns pod, List<DnsLookup> lookups, ResolverFlavor flavor) {}

  private static final Gen<Case> CASES =
      r -> new Case(
          PodDns.builder().namespace(DnsGenerators.label().next(r)).build(),
          DnsGenerators.lookups(0, 6).next(r),
          Gen.oneOf(ResolverFlavor.values()).next(r));

  private static NdotsAdvice advise(Case c) {
    return NdotsAdvisor.advise(c.pod(), KUBELET, c.lookups(), c.flavor(), OptionalInt.empty());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void tuning_never_sends_more_queries_than_the_original(long seed) {
    Property.forAll(seed, CASES, 100, c -> {
      NdotsAdvice a = advise(c);
      assertThat(a.queriesAfter()).isLessThanOrEqualTo(a.queriesBefore());
      assertThat(a.ndotsAfter()).isLessThanOrEqualTo(a.ndotsBefore());
    });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void every_lookup_that_resolved_still_reaches_the_same_name(long seed) {
    Property.forAll(seed, CASES, 100, c -> {
      for (LookupCost l : advise(c).lookups()) {
        if (l.before().result() == DnsAnswer.FOUND) {
          assertThat(l.after().answeredBy()).isEqualTo(l.before().answeredBy());
        }
      }
    });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void the_choice_matches_a_brute_force_search_over_every_ndots(long seed) {
    Property.forAll(seed, CASES.filter(c -> !c.lookups().isEmpty()), 60, c -> {
      Function<String, DnsAnswer> answers = LookupTargets.answers(c.lookups(), c.pod().namespace(), "cluster.local");
      List<Resolution> base = resolveAll(c, 5, answers);
      int best = 5;
      int bestCost = cost(base);
      for (int n = 1; n <= 5; n++) {
        List<Resolution> trial = resolveAll(c, n, answers);
        boolean safe = true;
        for (int i = 0; i < base.size(); i++) {
          if (base.get(i).result() == DnsAnswer.FOUND && !trial.get(i).answeredBy().equals(base.get(i).answeredBy())) {
            safe = false;
          }
        }
        if (safe && (cost(trial) < bestCost || (cost(trial) == bestCost && n > best))) {
          best = n;
          bestCost = cost(trial);
        }
      }
      NdotsAdvice a = advise(c);
      assertThat(a.queriesAfter()).isEqualTo(bestCost);
      assertThat(a.ndotsAfter()).isEqualTo(best);
    });
  }

  private static List<Resolution> resolveAll(Case c, int ndots, Function<String, DnsAnswer> answers) {
    ResolvConf written = KubeletResolvConf.build(NdotsAdvisor.withNdots(c.pod(), ndots), KUBELET).resolvConf();
    ResolvConf read = ResolvConfParser.resolver(written.text(), c.flavor());
    return c.lookups().stream().map(l -> StubResolver.resolve(l.name(), read, c.flavor(), answers)).toList();
  }

  private static int cost(List<Resolution> runs) {
    return runs.stream().mapToInt(r -> r.queries().size()).sum();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void the_advice_is_deterministic(long seed) {
    Property.forAll(seed, CASES, 50, c -> assertThat(advise(c)).isEqualTo(advise(c)));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void a_tuned_bundle_never_sends_more_queries_than_the_original(long seed) {
    Gen<ManifestBundle> bundles = r -> {
      int n = 1 + r.nextInt(5);
      ManifestBundle.Builder b = ManifestBundle.builder();
      for (int i = 0; i < n; i++) {
        b.add(new PodBuilder().withNewMetadata().withName("p" + i).withNamespace(DnsGenerators.label().next(r)).endMetadata()
            .withNewSpec().addNewContainer().withName("c").withImage("x").endContainer().endSpec().build());
      }
      return b.build();
    };
    Gen<Case> lookups = CASES;
    Property.forAll(seed, r -> List.of(bundles.next(r), lookups.next(r)), 30, pair -> {
      ManifestBundle bundle = (ManifestBundle) pair.get(0);
      Case c = (Case) pair.get(1);
      TunedBundle tuned = DnsTuning.tune(bundle, KUBELET, c.lookups(), c.flavor(), OptionalInt.empty());
      assertThat(tuned.queriesAfter()).isLessThanOrEqualTo(tuned.queriesBefore());
      TunedBundle again = DnsTuning.tune(tuned.bundle(), KUBELET, c.lookups(), c.flavor(), OptionalInt.empty());
      assertThat(again.queriesBefore()).isEqualTo(tuned.queriesAfter());
    });
  }
}
