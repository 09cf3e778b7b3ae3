package dev.aiinfra.cli.dra;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.cli.AiInfraCommand;
import dev.aiinfra.cli.ExitCodes;
import dev.aiinfra.cli.InputOptions;
import dev.aiinfra.cli.OutputFormat;
import dev.aiinfra.cli.ProfileOptions;
import dev.aiinfra.cli.output.JsonOut;
import dev.aiinfra.cli.output.TextTable;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.dra.model.DeviceResult;
import dev.aiinfra.dra.model.ResourceClaimSpec;
import dev.aiinfra.dra.policy.AllocatedDevices;
import dev.aiinfra.dra.policy.AllocationOutcome;
import dev.aiinfra.dra.policy.ClaimAllocation;
import dev.aiinfra.dra.policy.DeviceAllocator;
import dev.aiinfra.dra.read.DraInputs;
import dev.aiinfra.dra.render.DraManifests;
import dev.aiinfra.dra.read.DraReader;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
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
@Command(name = "allocate", mixinStandardHelpOptions = true,
    description = "Allocate ResourceClaims (or a Pod's claims from ResourceClaimTemplates) against ResourceSlices, offline."
        + " Reads resource.k8s.io/v1; v1beta2 and v1beta1 objects are converted to v1 as the API server does.")
public final class DraAllocateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin InputOptions input;
  @Mixin ProfileOptions profileOptions;

  @Option(names = "--node", paramLabel = "NAME", description = "Only this node (default: every node with slices or a Node object, in name order).")
  String node;

  @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text, json or yaml.")
  OutputFormat output;

  @Override
  public Integer call() {
    AiInfraCommand root = (AiInfraCommand) spec.root().userObject();
    DraInputs inputs = DraReader.read(input.read(root.stdin()));
    DeviceAllocator allocator = DeviceAllocator.of(inputs.cluster(), profileOptions.profile());
    List<ResourceClaimSpec> claims = inputs.podClaims();
    AllocatedDevices allocated = inputs.allocated();
    List<String> nodes = node != null ? List.of(node) : new ArrayList<>(inputs.cluster().nodeNames());
    List<AllocationOutcome> outcomes = new ArrayList<>();
    AllocationOutcome fatal = null;
    for (String n : nodes) {
      AllocationOutcome o = allocator.allocate(n, claims, allocated);
      outcomes.add(o);
      if (o.fatal()) {
        fatal = o;
        break;
      }
    }
    List<String> feasible = fatal != null ? List.of()
        : outcomes.stream().filter(AllocationOutcome::satisfiable).map(AllocationOutcome::node).toList();
    AllocationOutcome chosen = feasible.isEmpty() ? null : outcomes.stream().filter(AllocationOutcome::satisfiable).findFirst().get();
    AllocationOutcome fatalOutcome = fatal;
    ObjectNode json = json(nodes, outcomes, feasible, chosen, fatalOutcome);
    output.print(spec.commandLine().getOut(), json, out -> text(out, outcomes, chosen, fatalOutcome));
    return chosen != null ? ExitCodes.OK : ExitCodes.NEGATIVE;
  }

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
      reasons.addObject().put("code", "DRA_NO_NODES").put("message", "no node has ResourceSlices or a Node object in the input");
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
      TextTable t = new TextTable("CLAIM", "REQUEST", "DRIVER", "POOL", "DEVICE", "SHARE");
      for (ClaimAllocation ca : chosen.claims()) {
        for (DeviceResult r : ca.allocation().results()) {
          t.row(ca.claim().namespace() + "/" + ca.claim().name(), r.request(), r.driver(), r.pool(), r.device(), r.shareId().orElse(""));
        }
      }
      t.print(out);
      out.println("allocated on node " + chosen.node());
    }
    for (AllocationOutcome o : outcomes) {
      if (!o.satisfiable()) {
        for (Diagnostic d : o.reasons()) {
          out.println("node " + o.node() + ": " + d.code() + ": " + d.message());
        }
      }
    }
    if (fatal != null) {
      out.println("fatal: " + fatal.error().orElse("") + " (the scheduler gives up on this pod)");
    } else if (chosen == null) {
      out.println("no node can allocate these claims");
    }
  }

  // Built on first use, not when picocli instantiates every command at start-up.
  private static final class MapperHolder {
    static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = dev.aiinfra.core.json.Json.mapper();
  }
}
