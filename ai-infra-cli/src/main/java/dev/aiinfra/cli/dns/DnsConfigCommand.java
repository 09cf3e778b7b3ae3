package dev.aiinfra.cli.dns;

import dev.aiinfra.cli.ExitCodes;
import dev.aiinfra.cli.HelpOption;
import dev.aiinfra.cli.InputOptions;
import dev.aiinfra.cli.OutputOptions;
import dev.aiinfra.cli.output.TextTable;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.dns.PodDns;
import dev.aiinfra.core.model.dns.ResolvConf;
import dev.aiinfra.core.policy.dns.KubeletResolvConf;
import dev.aiinfra.core.policy.dns.ResolvConfResult;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ai-infra dns config}: the resolv.conf the kubelet writes for a pod. */
@Command(name = "config", description = "Show the resolv.conf the kubelet writes for a pod.")
public final class DnsConfigCommand implements Callable<Integer> {
  @Mixin HelpOption help;
  @Spec CommandSpec spec;
  @Mixin InputOptions input;
  @Mixin KubeletOptions kubelet;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    PodDns pod = PodInput.one(input.read());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ResolvConfResult result = KubeletResolvConf.build(pod, kubelet.settings(err));
    for (Diagnostic d : result.diagnostics()) {
      err.println("warning: " + d.code() + ": " + d.message());
    }
    output.print(out, ResolvConfJson.of(result.resolvConf()), o -> text(o, result.resolvConf()));
    return ExitCodes.OK;
  }

  /** The file's lines as a table, in resolv.conf order: nameservers, the search list, options. */
  private static void text(PrintWriter out, ResolvConf conf) {
    TextTable table = new TextTable("DIRECTIVE", "VALUE");
    conf.nameservers().forEach(ns -> table.row("nameserver", ns));
    if (!conf.searches().isEmpty()) {
      table.row("search", String.join(" ", conf.searches()));
    }
    if (!conf.options().isEmpty()) {
      table.row("options", String.join(" ", conf.options().stream().map(String::valueOf).toList()));
    }
    table.print(out);
  }
}
