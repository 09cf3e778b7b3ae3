package dev.aiinfra.cli.dra;

import dev.aiinfra.cli.ExitCodes;
import dev.aiinfra.cli.HelpOption;
import dev.aiinfra.cli.InputOptions;
import dev.aiinfra.cli.OutputOptions;
import dev.aiinfra.cli.ProfileOptions;
import dev.aiinfra.cli.output.TextTable;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.dra.model.DeviceResult;
<<<<<<< HEAD
import dev.aiinfra.dra.model.DraCode;
import dev.aiinfra.dra.model.ResourceClaimSpec;
import dev.aiinfra.dra.policy.AllocatedDevices;
=======
>>>>>>> main
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

<<<<<<< HEAD
  private ObjectNode json(List<String> nodes, List<AllocationOutcome> outcomes, List<String> feasible, AllocationOutcome chosen, AllocationOutcome fatal) {
    ObjectNode root = JsonOut.object().put("satisfiable", chosen != null);
    if (chosen != null) {
      root.put("node", chosen.node());
    } else if (node != null) {
      root.put("node", node);
    } else {
      root.putNull("node");
    }
    ArrayNode claims = root.putArray("claims");
    if (chosen != null) {
      for (ClaimAllocation ca : chosen.claims()) {
        ObjectNode cn = claims.addObject().put("name", ca.claim().name()).put("namespace", ca.claim().namespace());
        ArrayNode results = cn.putArray("results");
        for (DeviceResult r : ca.allocation().results()) {
          ObjectNode rn = results.addObject().put("request", r.request()).put("driver", r.driver()).put("pool", r.pool()).put("device", r.device());
          if (r.adminAccess()) {
            rn.put("adminAccess", true);
          }
          r.shareId().ifPresent(s -> rn.put("shareID", s));
          if (!r.consumedCapacity().isEmpty()) {
            ObjectNode cc = rn.putObject("consumedCapacity");
            r.consumedCapacity().forEach((k, v) -> cc.put(k, v.toString()));
          }
        }
        ca.allocation().nodeSelector().ifPresent(t ->
            cn.set("nodeSelector", MapperHolder.MAPPER.valueToTree(DraManifests.nodeSelector(t))));
      }
    }
    root.set("feasibleNodes", JsonOut.strings(feasible));
    if (fatal != null) {
      root.putObject("error").put("kind", "fatal").put("message", "node " + fatal.node() + ": " + fatal.error().orElse(""));
    }
    ArrayNode reasons = root.putArray("reasons");
    if (nodes.isEmpty()) {
      reasons.addObject().put("code", DraCode.DRA_NO_NODES.name()).put("message", "no node has ResourceSlices or a Node object in the input");
    }
    for (AllocationOutcome o : outcomes) {
      if (o.satisfiable()) {
        continue;
      }
      for (Diagnostic d : o.reasons()) {
        reasons.addObject().put("code", d.code()).put("message", "node " + o.node() + ": " + d.message());
      }
    }
    return root;
  }

  private static void text(PrintWriter out, List<AllocationOutcome> outcomes, AllocationOutcome chosen, AllocationOutcome fatal) {
    if (chosen != null) {
=======
  private static void text(PrintWriter out, NodeSearch search) {
    search.chosen().ifPresent(chosen -> {
>>>>>>> main
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
