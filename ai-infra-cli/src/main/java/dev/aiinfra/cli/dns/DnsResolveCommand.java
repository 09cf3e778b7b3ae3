package dev.aiinfra.cli.dns;

import dev.aiinfra.cli.ExitCodes;
import dev.aiinfra.cli.HelpOption;
import dev.aiinfra.cli.InputOptions;
import dev.aiinfra.cli.OutputOptions;
import dev.aiinfra.cli.UsageException;
import dev.aiinfra.cli.output.TextTable;
import dev.aiinfra.core.model.dns.DnsAnswer;
import dev.aiinfra.core.model.dns.ResolvConf;
import dev.aiinfra.core.model.dns.ResolverFlavor;
import dev.aiinfra.core.policy.dns.KubeletResolvConf;
import dev.aiinfra.core.policy.dns.Resolution;
import dev.aiinfra.core.policy.dns.ResolvConfParser;
import dev.aiinfra.core.policy.dns.StubResolver;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ai-infra dns resolve}: the names a glibc or musl stub resolver queries for one lookup, in
 * order, and the outcome. Exit 0 when the name resolves, 1 when it does not.
 */
@Command(
    name = "resolve",
    description = "Show the queries a stub resolver sends for a name, in order, and the outcome.")
public final class DnsResolveCommand implements Callable<Integer> {
  @Mixin HelpOption help;
  @Spec CommandSpec spec;
  @Mixin InputOptions input;
  @Mixin KubeletOptions kubelet;

  @Option(names = "--name", required = true, paramLabel = "NAME", description = "The name the program looks up.")
  String name;

  @Option(names = "--resolv-conf", paramLabel = "FILE", description = "A container's resolv.conf (instead of -f POD).")
  Path resolvConf;

  @Option(names = "--resolver", defaultValue = "glibc", paramLabel = "glibc|musl", description = "The C library of the container image. Default: ${DEFAULT-VALUE}.")
  String resolver;

  @Option(names = "--answer", paramLabel = "FQDN=found|nxdomain|nodata|servfail", description = "How the nameserver answers a name; repeatable. Unlisted names answer nxdomain.")
  List<String> answers = new ArrayList<>();

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    ResolverFlavor flavor = flavor(resolver);
    Map<String, DnsAnswer> answerMap = answers(answers);
    String text;
    if (resolvConf != null && input.given()) {
      throw new UsageException("give either --resolv-conf FILE or -f POD, not both");
    } else if (resolvConf != null) {
      text = KubeletOptions.readSmall(resolvConf);
    } else if (input.given()) {
      text = KubeletResolvConf.build(PodInput.one(input.read()), kubelet.settings(spec.commandLine().getErr())).resolvConf().text();
    } else {
      throw new UsageException("give --resolv-conf FILE, or -f POD (with --cluster-dns and --cluster-domain when they are not kubeadm's defaults)");
    }
    ResolvConf seen = ResolvConfParser.resolver(text, flavor);
    Resolution r = StubResolver.resolve(name, seen, flavor, q -> answerMap.getOrDefault(q, DnsAnswer.NXDOMAIN));
    PrintWriter out = spec.commandLine().getOut();
    output.print(out, DnsResolveJson.of(seen, r), o -> {
      o.println("resolver: " + flavor.name().toLowerCase(Locale.ROOT) + ", ndots " + seen.ndots() + ", " + seen.searches().size() + " search domains");
      TextTable table = new TextTable("#", "QUERY", "ANSWER");
      for (int i = 0; i < r.queries().size(); i++) {
        String q = r.queries().get(i);
        table.row(i + 1, q, answerMap.getOrDefault(q, DnsAnswer.NXDOMAIN).wire());
      }
      table.print(o);
      o.println("result: " + r.result().wire() + r.answeredBy().map(n -> " (" + n + ")").orElse(""));
    });
    return r.result() == DnsAnswer.FOUND ? ExitCodes.OK : ExitCodes.NEGATIVE;
  }

  static ResolverFlavor flavor(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "glibc":
        return ResolverFlavor.GLIBC;
      case "musl":
        return ResolverFlavor.MUSL;
      default:
        throw new UsageException("--resolver: unsupported value \"" + text + "\": supported values: \"glibc\", \"musl\"");
    }
  }

  private static Map<String, DnsAnswer> answers(List<String> specs) {
    Map<String, DnsAnswer> map = new HashMap<>();
    for (String s : specs) {
      int eq = s.lastIndexOf('=');
      if (eq <= 0) {
        throw new UsageException("--answer " + s + ": expected FQDN=found|nxdomain|nodata|servfail");
      }
      String fqdn = s.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      DnsAnswer a;
      try {
        a = DnsAnswer.fromWire(s.substring(eq + 1));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--answer " + s + ": unsupported answer; supported: found, nxdomain, nodata, servfail");
      }
      map.put(fqdn.endsWith(".") ? fqdn : fqdn + ".", a);
    }
    return map;
  }
}
