package dev.aiinfra.cli.cgroup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.cli.ExitCodes;
import dev.aiinfra.cli.HelpOption;
import dev.aiinfra.cli.OutputOptions;
import dev.aiinfra.cli.ProfileOptions;
import dev.aiinfra.cli.UsageException;
import dev.aiinfra.cli.output.JsonOut;
import dev.aiinfra.core.json.Json;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.sandbox.policy.cgroup.NodeReadiness;
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

  @Mixin ProfileOptions profile;

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
    ObjectNode json = JsonOut.object().put("ready", r.ready());
    ArrayNode diagnostics = json.putArray("diagnostics");
    for (Diagnostic d : r.diagnostics()) {
      diagnostics.add(JsonOut.diagnostic(d));
    }
    // Field by field, in the library's order (the shared mapper would sort a Map's keys).
    ObjectNode kubelet = json.putObject("kubeletConfiguration");
    r.kubeletConfiguration().forEach((k, v) -> kubelet.set(k, Json.mapper().valueToTree(v)));
    output.print(spec.commandLine().getOut(), json, out -> {
      out.println(r.ready() ? "ready for cgroup v2" : "not ready for cgroup v2");
      r.diagnostics().forEach(d -> out.println(d.severity().name().toLowerCase(java.util.Locale.ROOT) + ": " + d.code() + ": " + d.message()
          + d.hint().map(h -> " (" + h + ")").orElse("")));
      out.println("KubeletConfiguration:");
      JsonOut.printYaml(out, json.get("kubeletConfiguration"));
    });
    return r.ready() ? ExitCodes.OK : ExitCodes.NEGATIVE;
  }
}
