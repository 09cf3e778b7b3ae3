package dev.aiinfra.core.policy.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.dns.DnsAnswer;
import dev.aiinfra.core.model.dns.DnsOption;
import dev.aiinfra.core.model.dns.ResolvConf;
import dev.aiinfra.core.model.dns.ResolverFlavor;
import dev.aiinfra.testing.Gen;
import dev.aiinfra.testing.Property;
import dev.aiinfra.testing.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties of the glibc and musl search walks over generated names, search lists and answers. */
class StubResolverPropertiesTest {
  static LongStream seeds() {
    return Seeds.of(20);
  }

  /** A name, a resolv.conf and the answers for every name either resolver could send. */
  record Case(String name, ResolvConf conf, Map<String, DnsAnswer> answers) {}

  private static final Gen<Case> CASES =
      r -> {
        String name = DnsGenerators.name(4, 0.15).next(r);
        ResolvConf conf = DnsGenerators.resolvConf().next(r);
        String bare = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        List<String> candidates = new ArrayList<>();
        candidates.add(bare + ".");
        conf.searches().forEach(s -> candidates.add(bare + "." + s + "."));
        return new Case(name, conf, DnsGenerators.answers(candidates).next(r));
      };

  private static Resolution run(Case c, ResolverFlavor f) {
    return StubResolver.resolve(c.name(), c.conf(), f, q -> c.answers().getOrDefault(q, DnsAnswer.NXDOMAIN));
  }

  private static int dots(String n) {
    return (int) n.chars().filter(ch -> ch == '.').count();
  }

  /** The candidate order written down from the resolvers' documented rules (the oracle). */
  private static List<String> oracleCandidates(Case c, ResolverFlavor f) {
    String n = c.name();
    boolean trailing = n.endsWith(".");
    String bare = trailing ? n.substring(0, n.length() - 1) : n;
    boolean enoughDots = dots(n) >= c.conf().ndots();
    List<String> out = new ArrayList<>();
    if (f == ResolverFlavor.GLIBC) {
      if (enoughDots || trailing) {
        out.add(bare + ".");
      }
      if (!trailing) {
        c.conf().searches().forEach(s -> out.add(bare + "." + s + "."));
        if (!(enoughDots)) {
          out.add(bare + ".");
        }
      }
    } else {
      if (!enoughDots && !trailing) {
        c.conf().searches().forEach(s -> out.add(bare + "." + s + "."));
      }
      out.add(bare + ".");
    }
    return out;
  }

  /** Walk the oracle's candidates until the flavour's stop rule fires. */
  private static List<String> oracleQueries(Case c, ResolverFlavor f) {
    List<String> sent = new ArrayList<>();
    List<String> candidates = oracleCandidates(c, f);
    for (int i = 0; i < candidates.size(); i++) {
      String q = candidates.get(i);
      sent.add(q);
      DnsAnswer a = c.answers().getOrDefault(q, DnsAnswer.NXDOMAIN);
      boolean trailing = c.name().endsWith(".");
      if (a == DnsAnswer.FOUND) {
        break;
      }
      if (f == ResolverFlavor.GLIBC && trailing) {
        break;
      }
      if (f == ResolverFlavor.MUSL && a != DnsAnswer.NXDOMAIN) {
        break;
      }
    }
    return sent;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void both_resolvers_agree_with_the_written_rules(long seed) {
    Property.forAll(seed, CASES, 200, c -> {
      for (ResolverFlavor f : ResolverFlavor.values()) {
        assertThat(run(c, f).queries()).as(f.name()).isEqualTo(oracleQueries(c, f));
      }
    });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void glibc_sends_every_search_domain_then_the_name_for_short_names(long seed) {
    Property.forAll(seed, CASES.filter(c -> !c.name().endsWith(".") && dots(c.name()) < c.conf().ndots()), 100, c -> {
      Case allMissing = new Case(c.name(), c.conf(), Map.of());
      Resolution r = run(allMissing, ResolverFlavor.GLIBC);
      assertThat(r.queries()).hasSize(c.conf().searches().size() + 1);
      for (int i = 0; i < c.conf().searches().size(); i++) {
        assertThat(r.queries().get(i)).isEqualTo(c.name() + "." + c.conf().searches().get(i) + ".");
      }
      assertThat(r.queries().get(r.queries().size() - 1)).isEqualTo(c.name() + ".");
    });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void musl_sends_one_query_once_a_name_has_ndots_dots(long seed) {
    Property.forAll(seed, CASES.filter(c -> dots(c.name()) >= c.conf().ndots()), 100, c ->
        assertThat(run(c, ResolverFlavor.MUSL).queries()).hasSize(1));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void glibc_never_sends_fewer_queries_than_musl(long seed) {
    Property.forAll(seed, CASES, 200, c ->
        assertThat(run(c, ResolverFlavor.GLIBC).queries().size()).isGreaterThanOrEqualTo(run(c, ResolverFlavor.MUSL).queries().size()));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void a_found_answer_is_the_last_query_and_the_result(long seed) {
    Property.forAll(seed, CASES, 200, c -> {
      for (ResolverFlavor f : ResolverFlavor.values()) {
        Resolution r = run(c, f);
        if (r.result() == DnsAnswer.FOUND) {
          assertThat(r.answeredBy()).contains(r.queries().get(r.queries().size() - 1));
          assertThat(c.answers().get(r.answeredBy().get())).isEqualTo(DnsAnswer.FOUND);
        } else {
          assertThat(r.queries()).allSatisfy(q -> assertThat(c.answers().getOrDefault(q, DnsAnswer.NXDOMAIN)).isNotEqualTo(DnsAnswer.FOUND));
        }
      }
    });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void the_walk_is_deterministic(long seed) {
    Property.forAll(seed, CASES, 100, c -> {
      for (ResolverFlavor f : ResolverFlavor.values()) {
        assertThat(run(c, f)).isEqualTo(run(c, f));
      }
    });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void raising_ndots_never_moves_the_as_is_query_earlier(long seed) {
    Property.forAll(seed, CASES.filter(c -> !c.name().endsWith(".")), 100, c -> {
      ResolvConf higher = c.conf().withOptions(DnsOption.of("ndots", Integer.toString(c.conf().ndots() + 1)));
      Case raised = new Case(c.name(), higher, Map.of());
      Case same = new Case(c.name(), c.conf(), Map.of());
      int before = run(same, ResolverFlavor.GLIBC).queries().indexOf(bareAbsolute(c.name()));
      int after = run(raised, ResolverFlavor.GLIBC).queries().indexOf(bareAbsolute(c.name()));
      assertThat(after).isGreaterThanOrEqualTo(before);
    });
  }

  private static String bareAbsolute(String n) {
    return n.endsWith(".") ? n : n + ".";
  }
}
