package dev.aiinfra.cli.gang;

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
import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.profile.FeatureGate;
import dev.aiinfra.scheduling.policy.placement.DomainCount;
import dev.aiinfra.scheduling.policy.placement.GangPlacement;
import dev.aiinfra.scheduling.policy.placement.GangResult;
import dev.aiinfra.scheduling.policy.placement.PlacementResult;
import dev.aiinfra.scheduling.policy.placement.PodNode;
import dev.aiinfra.scheduling.policy.placement.PodSetResult;
import dev.aiinfra.scheduling.read.GangInputs;
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
 * {@code ai-infra gang place}: whether every gang fits on the given nodes, and where. Exit 0 when
 * every gang fits, 1 when one does not.
 */
@Command(name = "place", mixinStandardHelpOptions = true,
    description = "Place gangs (pods grouped by Workload/PodGroup, Kueue, coscheduling or Volcano, or expanded from Job/JobSet/LWS/StatefulSet) on nodes.")
public final class GangPlaceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin InputOptions input;
  @Mixin ProfileOptions profileOptions;

  @Option(names = "--topology-levels", split = ",", paramLabel = "k1,k2,...",
      description = "Node label keys from the top level to the lowest, when no Kueue Topology is given (default: kubernetes.io/hostname).")
  List<String> levels = new ArrayList<>();

  @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text, json or yaml.")
  OutputFormat output;

  @Override
  public Integer call() {
    ClusterProfile profile = profileOptions.profile();
    AiInfraCommand root = (AiInfraCommand) spec.root().userObject();
    GangInputs inputs = GangInputs.read(input.read(root.stdin()), levels);
    PrintWriter err = spec.commandLine().getErr();
    warnAboutGates(inputs, profile, err);
    PlacementResult placed = GangPlacement.place(inputs.cluster(), inputs.gangs(), inputs.options());
    List<GangResult> all = new ArrayList<>(placed.gangs());
    all.addAll(inputs.rejected());
    boolean fits = all.stream().allMatch(GangResult::fits);
    ObjectNode json = json(all, fits);
    output.print(spec.commandLine().getOut(), json, out -> text(out, all, fits));
    return fits ? ExitCodes.OK : ExitCodes.NEGATIVE;
  }

  private static void warnAboutGates(GangInputs inputs, ClusterProfile profile, PrintWriter err) {
    if (inputs.usesWorkloadApi() && !profile.isEnabled(FeatureGate.GenericWorkload)) {
      err.println("warning: GATE_OFF: Workload gangs need feature gate GenericWorkload"
          + (profile.kubernetesVersion().minor() < 37 ? " and GangScheduling" : "") + ", off by default in Kubernetes " + profile.kubernetesVersion()
          + "; without it the pods are scheduled one by one");
    }
    boolean topology = inputs.gangs().stream().anyMatch(g -> g.topologyKey().isPresent());
    if (topology && !profile.isEnabled(FeatureGate.TopologyAwareWorkloadScheduling)) {
      err.println("warning: GATE_OFF: schedulingConstraints.topology needs feature gate TopologyAwareWorkloadScheduling (off in Kubernetes "
          + profile.kubernetesVersion() + ")");
    }
  }

  private static ObjectNode json(List<GangResult> gangs, boolean fits) {
    ObjectNode root = JsonOut.object().put("fits", fits);
    ArrayNode groups = root.putArray("podGroups");
    ArrayNode reasons = JsonOut.array();
    for (GangResult g : gangs) {
      ObjectNode gn = groups.addObject().put("name", g.name()).put("namespace", g.namespace());
      g.owner().ifPresent(o -> {
        gn.put("ownerKind", o.kind()).put("ownerName", o.name());
        o.group().ifPresent(group -> gn.put("group", group));
      });
      gn.put("minCount", g.minCount()).put("placed", g.placed()).put("fits", g.fits());
      ArrayNode sets = gn.putArray("podSets");
      for (PodSetResult ps : g.podSets()) {
        ObjectNode sn = sets.addObject().put("name", ps.name()).put("count", ps.count());
        ps.topologyAssignment().ifPresent(a -> {
          ObjectNode an = sn.putObject("topologyAssignment");
          an.set("levels", JsonOut.strings(a.levels()));
          ArrayNode ds = an.putArray("domains");
          for (DomainCount d : a.domains()) {
            ds.addObject().<ObjectNode>set("values", JsonOut.strings(d.values())).put("count", d.count());
          }
        });
        ArrayNode pl = sn.putArray("placements");
        for (PodNode p : ps.placements()) {
          pl.addObject().put("pod", p.pod()).put("node", p.node());
        }
      }
      for (Diagnostic d : g.reasons()) {
        reasons.addObject().put("code", d.code()).put("message", g.name() + ": " + d.message());
      }
    }
    root.set("reasons", reasons);
    return root;
  }

  private static final int WHERE_SHOWN = 4;

  private static void text(PrintWriter out, List<GangResult> gangs, boolean fits) {
    TextTable t = new TextTable("POD GROUP", "KIND", "MIN", "PLACED", "FITS", "WHERE");
    for (GangResult g : gangs) {
      t.row(g.id(), g.gangApi(), g.minCount(), g.placed(), g.fits() ? "yes" : "no", TextTable.list(g.where(), WHERE_SHOWN));
    }
    t.print(out);
    for (GangResult g : gangs) {
      for (Diagnostic d : g.reasons()) {
        out.println(g.id() + ": " + d.code() + ": " + d.message());
      }
    }
    if (gangs.stream().anyMatch(g -> g.gangApi().equals("none"))) {
      out.println("KIND none: no Workload, PodGroup or Kueue queue groups these pods; they are placed all or nothing here,"
          + " but the scheduler places them one by one");
    }
    out.println(fits ? "every gang fits" : "some gangs do not fit");
  }
}
