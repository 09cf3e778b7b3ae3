package dev.aiinfra.core.policy.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.dns.DnsAnswer;
import dev.aiinfra.core.model.dns.DnsOption;
import dev.aiinfra.core.model.dns.ResolvConf;
import dev.aiinfra.core.model.dns.ResolverFlavor;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class StubResolverTest {
  private static final ResolvConf POD =
      ResolvConf.builder()
          .addNameserver("10.96.0.10")
          .addSearches("default.svc.cluster.local", "svc.cluster.local", "cluster.local")
          .addOption(DnsOption.of("ndots", "5"))
          .build();

  private static Function<String, DnsAnswer> only(Map<String, DnsAnswer> answers) {
    return q -> answers.getOrDefault(q, DnsAnswer.NXDOMAIN);
  }

  private static Resolution glibc(String name, ResolvConf conf, Map<String, DnsAnswer> answers) {
    return StubResolver.resolve(name, conf, ResolverFlavor.GLIBC, only(answers));
  }

  private static Resolution musl(String name, ResolvConf conf, Map<String, DnsAnswer> answers) {
    return StubResolver.resolve(name, conf, ResolverFlavor.MUSL, only(answers));
  }

  @Test
  void a_short_name_walks_the_search_list_in_order_until_found() {
    Resolution r = glibc("kubernetes.default", POD, Map.of("kubernetes.default.svc.cluster.local.", DnsAnswer.FOUND));
    assertThat(r.queries())
        .containsExactly("kubernetes.default.default.svc.cluster.local.", "kubernetes.default.svc.cluster.local.");
    assertThat(r.result()).isEqualTo(DnsAnswer.FOUND);
    assertThat(r.answeredBy()).contains("kubernetes.default.svc.cluster.local.");
  }

  @Test
  void an_external_name_under_ndots_is_searched_first_then_tried_as_is_by_both_libraries() {
    Map<String, DnsAnswer> exists = Map.of("api.openai.com.", DnsAnswer.FOUND);
    Resolution g = glibc("api.openai.com", POD, exists);
    Resolution m = musl("api.openai.com", POD, exists);
    assertThat(g.queries())
        .containsExactly(
            "api.openai.com.default.svc.cluster.local.",
            "api.openai.com.svc.cluster.local.",
            "api.openai.com.cluster.local.",
            "api.openai.com.");
    assertThat(m.queries()).isEqualTo(g.queries());
  }

  @Test
  void a_trailing_dot_queries_the_name_alone() {
    assertThat(glibc("api.openai.com.", POD, Map.of()).queries()).containsExactly("api.openai.com.");
    assertThat(musl("api.openai.com.", POD, Map.of()).queries()).containsExactly("api.openai.com.");
  }

  @Test
  void with_enough_dots_glibc_tries_as_is_first_then_falls_back_to_the_search_list() {
    ResolvConf ndots2 = POD.withOptions(DnsOption.of("ndots", "2"));
    Resolution r = glibc("redis.cache.svc", ndots2, Map.of("redis.cache.svc.cluster.local.", DnsAnswer.FOUND));
    assertThat(r.queries())
        .containsExactly(
            "redis.cache.svc.", "redis.cache.svc.default.svc.cluster.local.",
            "redis.cache.svc.svc.cluster.local.", "redis.cache.svc.cluster.local.");
    assertThat(r.result()).isEqualTo(DnsAnswer.FOUND);
  }

  @Test
  void with_enough_dots_musl_never_searches() {
    ResolvConf ndots2 = POD.withOptions(DnsOption.of("ndots", "2"));
    Resolution r = musl("redis.cache.svc", ndots2, Map.of("redis.cache.svc.cluster.local.", DnsAnswer.FOUND));
    assertThat(r.queries()).containsExactly("redis.cache.svc.");
    assertThat(r.result()).isEqualTo(DnsAnswer.NXDOMAIN);
  }

  @Test
  void nodata_moves_glibc_on_but_stops_musl() {
    Map<String, DnsAnswer> answers =
        Map.of("db.default.svc.cluster.local.", DnsAnswer.NODATA, "db.cluster.local.", DnsAnswer.FOUND);
    assertThat(glibc("db", POD, answers).result()).isEqualTo(DnsAnswer.FOUND);
    Resolution m = musl("db", POD, answers);
    assertThat(m.queries()).containsExactly("db.default.svc.cluster.local.");
    assertThat(m.result()).isEqualTo(DnsAnswer.NODATA);
  }

  @Test
  void servfail_moves_glibc_on_but_stops_musl() {
    Map<String, DnsAnswer> answers =
        Map.of("db.default.svc.cluster.local.", DnsAnswer.SERVFAIL, "db.svc.cluster.local.", DnsAnswer.FOUND);
    assertThat(glibc("db", POD, answers).queries()).hasSize(2);
    assertThat(musl("db", POD, answers).result()).isEqualTo(DnsAnswer.SERVFAIL);
    assertThat(musl("db", POD, answers).queries()).hasSize(1);
  }

  @Test
  void glibc_reports_nodata_over_nxdomain_when_nothing_is_found() {
    Resolution r = glibc("db", POD, Map.of("db.svc.cluster.local.", DnsAnswer.NODATA));
    assertThat(r.queries()).hasSize(4);
    assertThat(r.result()).isEqualTo(DnsAnswer.NODATA);
  }

  @Test
  void a_root_search_entry_replaces_the_final_as_is_query_in_glibc() {
    ResolvConf root = ResolvConf.builder().addSearches("example.com", ".").build();
    assertThat(glibc("host", root, Map.of()).queries()).containsExactly("host.example.com.", "host.");
  }

  @Test
  void a_root_search_entry_ends_the_walk_in_musl_without_a_query() {
    ResolvConf root = ResolvConf.builder().addSearches(".", "example.com").build();
    Resolution r = musl("host", root, Map.of("host.example.com.", DnsAnswer.FOUND));
    assertThat(r.queries()).isEmpty();
    assertThat(r.result()).isEqualTo(DnsAnswer.NXDOMAIN);
  }

  @Test
  void ndots_is_capped_at_15() {
    ResolvConf high = POD.withOptions(DnsOption.of("ndots", "30"));
    assertThat(high.ndots()).isEqualTo(15);
  }

  @Test
  void musl_skips_a_search_line_longer_than_254_characters() {
    StringBuilder search = new StringBuilder("search");
    for (int i = 0; i < 20; i++) {
      search.append(" domain").append(i).append(".example.com");
    }
    String text = "nameserver 10.96.0.10\n" + search + "\noptions ndots:5\n";
    ResolvConf glibcView = ResolvConfParser.resolver(text, ResolverFlavor.GLIBC);
    ResolvConf muslView = ResolvConfParser.resolver(text, ResolverFlavor.MUSL);
    assertThat(search.length()).isGreaterThan(254);
    assertThat(glibcView.searches()).hasSize(20);
    assertThat(muslView.searches()).isEmpty();
    assertThat(musl("web", muslView, Map.of()).queries()).containsExactly("web.");
    assertThat(glibc("web", glibcView, Map.of()).queries()).hasSize(21);
  }

  @Test
  void resolvers_take_at_most_three_nameservers_and_the_last_domain_or_search_line() {
    ResolvConf c =
        ResolvConfParser.resolver(
            "nameserver 1.1.1.1\nnameserver 2.2.2.2\nnameserver 3.3.3.3\nnameserver 4.4.4.4\nsearch a.example\ndomain b.example\n",
            ResolverFlavor.GLIBC);
    assertThat(c.nameservers()).hasSize(3);
    assertThat(c.searches()).containsExactly("b.example");
  }

  @Test
  void names_are_compared_case_insensitively() {
    Resolution r = glibc("API.OpenAI.com.", POD, Map.of("api.openai.com.", DnsAnswer.FOUND));
    assertThat(r.result()).isEqualTo(DnsAnswer.FOUND);
  }
}
