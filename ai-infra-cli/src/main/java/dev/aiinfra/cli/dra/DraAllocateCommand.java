package dev.aiinfra.cli.dra;

import dev.aiinfra.cli.ExitCodes;
import dev.aiinfra.cli.HelpOption;
import dev.aiinfra.cli.InputOptions;
import dev.aiinfra.cli.OutputOptions;
import dev.aiinfra.cli.ProfileOptions;
import dev.aiinfra.cli.output.TextTable;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.dra.model.DeviceResult;
import dev.aiinfra.dra.policy.AllocationOutcome;
import dev.aiinfra.dra.policy.ClaimAllocation;
import dev.aiinfra.dra.policy.DeviceAllocator;
import dev.aiinfra.dra.policy.NodeSearch;
import dev.aiinfra.dra.policy.AllocatedDevices;
import dev.aiinfra.dra.policy.DraCluster;
import dev.aiinfra.dra.render.DraInputs;
import dev.aiinfra.dra.render.DraReader;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ai-infra dra allocate}: allocates one pod's claims like kube-scheduler's DRA plugin, on one
 * node or on every node in name order. Exit 0 when a node can take them, 1 when none can (fatal
 * errors included), 2 for invalid input.
 */
@Command(name = "allocate",
    description = "Allocate ResourceClaims (or a Pod's claims from ResourceClaimTemplates) against ResourceSlices, offline."
        + " Reads resource.k8s.io/v1; v1beta2 and v1beta1 objects are converted to v1 as the API server does.")
public final class DraAllocateCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Spec CommandSpec spec;
  @Mixin InputOptions input;
  @Mixin ProfileOptions profileOptions;

  @Option(names = "--node", paramLabel = "NAME", description = "Only this node (default: every node with slices or a Node object, in name order).")
  String node;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    DraInputs inputs = DraReader.read(input.read());
    DeviceAllocator allocator = DeviceAllocator.of(DraCluster.of(inputs.model()), profileOptions.profile());
    AllocatedDevices allocated = AllocatedDevices.of(inputs.model());
    NodeSearch search = node != null
        ? allocator.allocateAcross(List.of(node), inputs.podClaims(), allocated)
        : allocator.allocateOnEveryNode(inputs.podClaims(), allocated);
    output.print(spec.commandLine().getOut(), DraAllocateJson.of(search, Optional.ofNullable(node)), out -> text(out, search));
    return search.satisfiable() ? ExitCodes.OK : ExitCodes.NEGATIVE;
  }

  private static void text(PrintWriter out, NodeSearch search) {
    search.chosen().ifPresent(chosen -> {
      TextTable t = new TextTable("CLAIM", "REQUEST", "DRIVER", "POOL", "DEVICE", "SHARE");
      for (ClaimAllocation ca : chosen.claims()) {
        for (DeviceResult r : ca.allocation().results()) {
          t.row(ca.claim().namespace() + "/" + ca.claim().name(), r.request(), r.driver(), r.pool(), r.device(), r.shareId().orElse(""));
        }
      }
      t.print(out);
      out.println("allocated on node " + chosen.node());
    });
    for (AllocationOutcome o : search.unsatisfied()) {
      for (Diagnostic d : o.reasons()) {
        out.println("node " + o.node() + ": " + d.code() + ": " + d.message());
      }
    }
    if (search.fatal().isPresent()) {
      out.println("fatal: " + search.fatal().get().error().orElse("") + " (the scheduler gives up on this pod)");
    } else if (!search.satisfiable()) {
      out.println("no node can allocate these claims");
    }
  }
}
