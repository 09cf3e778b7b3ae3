package dev.aiinfra.cli.cgroup;

import dev.aiinfra.cli.ExitCodes;
import dev.aiinfra.cli.HelpOption;
import dev.aiinfra.cli.OutputOptions;
import dev.aiinfra.cli.KubernetesVersionOptions;
import dev.aiinfra.cli.UsageException;
import dev.aiinfra.cli.output.JsonOut;
import dev.aiinfra.cli.output.TextTable;
import dev.aiinfra.sandbox.policy.cgroup.NodeReadiness;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ai-infra cgroup node}: is this node ready for cgroup v2, and what to put in the KubeletConfiguration. Exit 1 when not ready. */
@Command(name = "node", description = "cgroup v2 readiness of a node: kernel, cgroup driver, runtime.")
public final class CgroupNodeCommand implements Callable<Integer> {
  @Mixin HelpOption help;
  @Spec CommandSpec spec;

  @Option(names = "--kernel", required = true, paramLabel = "VERSION", description = "The node's Linux kernel version (uname -r), e.g. 6.1. Required.")
  String kernel;

  @Option(names = "--cgroup-driver", required = true, paramLabel = "systemd|cgroupfs", description = "The kubelet's and runtime's cgroup driver. Required.")
  String driver;

  @Option(names = "--runtime", required = true, paramLabel = "containerd:X.Y|cri-o:X.Y", description = "The container runtime and its version. Required.")
  String runtime;

  @Mixin KubernetesVersionOptions profile;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    java.util.List<String> problems = new java.util.ArrayList<>();
    java.util.OptionalInt parsed = CgroupFlags.minor(profile.kubernetesVersion(), problems);
    if (parsed.isEmpty()) {
      throw new UsageException(String.join("\n  ", problems));
    }
    int minor = parsed.getAsInt();
    NodeReadiness.Result r = NodeReadiness.check(kernel, driver, runtime, minor);
    output.print(spec.commandLine().getOut(), CgroupNodeJson.of(r), out -> {
      out.println(r.ready() ? "ready for cgroup v2" : "not ready for cgroup v2");
      if (!r.diagnostics().isEmpty()) {
        TextTable table = new TextTable("SEVERITY", "CODE", "MESSAGE", "HINT");
        r.diagnostics().forEach(d -> table.row(d.severity().name().toLowerCase(Locale.ROOT), d.code(), d.message(), d.hint().orElse("")));
        table.print(out);
      }
      // A fragment to paste into the kubelet's configuration file, so it stays YAML.
      out.println("KubeletConfiguration:");
      JsonOut.printYaml(out, CgroupNodeJson.kubeletConfiguration(r.kubeletConfiguration()));
    });
    return r.ready() ? ExitCodes.OK : ExitCodes.NEGATIVE;
  }
}
