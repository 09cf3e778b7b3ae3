package dev.aiinfra.cli.dns;

import dev.aiinfra.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ai-infra dns}. */
@Command(
    name = "dns",
    description = "Pod DNS: the kubelet's resolv.conf, the stub resolver's queries, ndots tuning.",
    subcommands = {DnsConfigCommand.class, DnsResolveCommand.class, DnsTuneCommand.class})
public final class DnsCommand {
  @Mixin HelpOption help;
}
