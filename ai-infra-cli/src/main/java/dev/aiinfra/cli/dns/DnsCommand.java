package dev.aiinfra.cli.dns;

import picocli.CommandLine.Command;

/** {@code ai-infra dns}. */
@Command(
    name = "dns",
    mixinStandardHelpOptions = true,
    description = "Pod DNS: the kubelet's resolv.conf, the stub resolver's queries, ndots tuning.",
    subcommands = {DnsConfigCommand.class, DnsResolveCommand.class, DnsTuneCommand.class})
public final class DnsCommand {}
