package dev.aiinfra.core.policy.dns;

import dev.aiinfra.core.model.dns.DnsAnswer;
import dev.aiinfra.core.model.dns.ResolvConf;
import dev.aiinfra.core.model.dns.ResolverFlavor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The search-list walk of a C library's stub resolver, given the resolv.conf it read and how the
 * nameserver answers each absolute name.
 *
 * <p>glibc ({@code __res_context_search}): a trailing dot queries the name as-is only; with at
 * least ndots dots the name is tried as-is first; then each search domain in order ({@code .}
 * meaning the root); NXDOMAIN, NODATA and SERVFAIL move on to the next candidate; the name is tried
 * as-is last unless it already was or the root was in the list.
 *
 * <p>musl ({@code name_from_dns_search}): a trailing dot or at least ndots dots queries the name
 * as-is only, never the search list; otherwise each search domain, then the name as-is. Only
 * NXDOMAIN moves on: NODATA, SERVFAIL or any other failure ends the walk. A search entry of
 * {@code .} makes a name with two trailing dots, which musl refuses to send, ending the walk.
 */
public final class StubResolver {
  /** Longest name a query may carry (RFC 1035 wire limit less the root label). */
  static final int MAX_NAME_LENGTH = 253;

  private StubResolver() {}

  /**
   * Resolves {@code name}; {@code answers} is consulted with lower-case absolute names (trailing
   * dot) and should return {@link DnsAnswer#NXDOMAIN} for names that do not exist.
   */
  public static Resolution resolve(
      String name, ResolvConf conf, ResolverFlavor flavor, Function<String, DnsAnswer> answers) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    return flavor == ResolverFlavor.GLIBC ? glibc(n, conf, answers) : musl(n, conf, answers);
  }

  private static Resolution glibc(String name, ResolvConf conf, Function<String, DnsAnswer> answers) {
    List<String> queries = new ArrayList<>();
    int dots = countDots(name);
    boolean trailingDot = name.endsWith(".");
    boolean triedAsIs = false;
    DnsAnswer savedAsIs = null;
    if (dots >= conf.ndots() || trailingDot) {
      String q = absolute(name);
      DnsAnswer a = query(q, queries, answers);
      if (a == DnsAnswer.FOUND || trailingDot) {
        return done(queries, a, q);
      }
      savedAsIs = a;
      triedAsIs = true;
    }
    boolean rootOnList = false;
    boolean gotNodata = false;
    boolean gotServfail = false;
    DnsAnswer last = savedAsIs == null ? DnsAnswer.NXDOMAIN : savedAsIs;
    for (String domain : conf.searches()) {
      String d = domain.startsWith(".") ? domain.substring(1) : domain;
      if (d.isEmpty()) {
        rootOnList = true;
      }
      String q = d.isEmpty() ? absolute(name) : absolute(name + "." + d);
      if (q.length() - 1 > MAX_NAME_LENGTH) {
        // __res_context_querydomain refuses the name locally (NO_RECOVERY): the walk is over.
        last = DnsAnswer.NXDOMAIN;
        break;
      }
      DnsAnswer a = query(q, queries, answers);
      if (a == DnsAnswer.FOUND) {
        return done(queries, a, q);
      }
      last = a;
      if (a == DnsAnswer.NODATA) {
        gotNodata = true;
      } else if (a == DnsAnswer.SERVFAIL) {
        gotServfail = true;
      }
    }
    if (!triedAsIs && !rootOnList) {
      String q = absolute(name);
      DnsAnswer a = query(q, queries, answers);
      if (a == DnsAnswer.FOUND) {
        return done(queries, a, q);
      }
      last = a;
    }
    DnsAnswer result;
    if (savedAsIs != null) {
      result = savedAsIs;
    } else if (gotNodata) {
      result = DnsAnswer.NODATA;
    } else if (gotServfail) {
      result = DnsAnswer.SERVFAIL;
    } else {
      result = last;
    }
    return failed(queries, result);
  }

  private static Resolution musl(String name, ResolvConf conf, Function<String, DnsAnswer> answers) {
    List<String> queries = new ArrayList<>();
    int dots = countDots(name);
    boolean trailingDot = name.endsWith(".");
    String bare = trailingDot ? name.substring(0, name.length() - 1) : name;
    if (bare.isEmpty() || bare.endsWith(".")) {
      return failed(queries, DnsAnswer.NXDOMAIN); // EAI_NONAME: nothing is sent
    }
    boolean search = dots < conf.ndots() && !trailingDot;
    if (search) {
      for (String domain : conf.searches()) {
        if (bare.length() + domain.length() + 1 >= 256) {
          continue; // does not fit musl's canon buffer: skipped, not an error
        }
        String candidate = bare + "." + domain;
        if (candidate.endsWith("..")) {
          return failed(queries, DnsAnswer.NXDOMAIN); // res_mkquery refuses: EAI_NONAME
        }
        String q = absolute(candidate);
        DnsAnswer a = query(q, queries, answers);
        if (a == DnsAnswer.FOUND) {
          return done(queries, a, q);
        }
        if (a != DnsAnswer.NXDOMAIN) {
          return failed(queries, a);
        }
      }
    }
    String q = absolute(bare);
    DnsAnswer a = query(q, queries, answers);
    return a == DnsAnswer.FOUND ? done(queries, a, q) : failed(queries, a);
  }

  private static DnsAnswer query(String q, List<String> queries, Function<String, DnsAnswer> answers) {
    queries.add(q);
    DnsAnswer a = answers.apply(q);
    return a == null ? DnsAnswer.NXDOMAIN : a;
  }

  static int countDots(String name) {
    int dots = 0;
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) == '.') {
        dots++;
      }
    }
    return dots;
  }

  static String absolute(String name) {
    return name.endsWith(".") ? name : name + ".";
  }

  private static Resolution done(List<String> queries, DnsAnswer a, String by) {
    return Resolution.builder().queries(queries).result(a).answeredBy(by).build();
  }

  private static Resolution failed(List<String> queries, DnsAnswer a) {
    return Resolution.builder().queries(queries).result(a).build();
  }
}
