package dev.aiinfra.cli.gang;

import dev.aiinfra.cli.ExitCodes;
import dev.aiinfra.cli.HelpOption;
import dev.aiinfra.cli.InputOptions;
import dev.aiinfra.cli.OutputOptions;
import dev.aiinfra.cli.ProfileOptions;
import dev.aiinfra.cli.output.TextTable;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.scheduling.policy.placement.GangGates;
import dev.aiinfra.scheduling.policy.placement.GangPlacement;
import dev.aiinfra.scheduling.policy.placement.GangResult;
import dev.aiinfra.scheduling.policy.placement.PlacementResult;
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
@Command(name = "place",
    description = "Place gangs (pods grouped by Workload/PodGroup, Kueue, coscheduling or Volcano, or expanded from Job/JobSet/LWS/StatefulSet) on nodes.")
public final class GangPlaceCommand implements Callable<Integer> {
  @Mixin HelpOption help;
  @Spec CommandSpec spec;
  @Mixin InputOptions input;
  @Mixin ProfileOptions profileOptions;

  @Option(names = "--topology-levels", split = ",", paramLabel = "k1,k2,...",
      description = "Node label keys from the top level to the lowest, when no Kueue Topology is given (default: kubernetes.io/hostname).")
  List<String> levels = new ArrayList<>();

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    ClusterProfile profile = profileOptions.profile();
    GangInputs inputs = GangInputs.read(input.read(), levels);
    PrintWriter err = spec.commandLine().getErr();
    for (Diagnostic d : GangGates.check(inputs.usesWorkloadApi(), inputs.gangs(), profile)) {
      err.println("warning: " + d.code() + ": " + d.message());
    }
    PlacementResult placed = GangPlacement.place(inputs.model(), inputs.gangs(), inputs.options());
    List<GangResult> all = new ArrayList<>(placed.gangs());
    all.addAll(inputs.rejected());
    boolean fits = all.stream().allMatch(GangResult::fits);
    output.print(spec.commandLine().getOut(), GangPlaceJson.of(all, fits), out -> text(out, all, fits));
    return fits ? ExitCodes.OK : ExitCodes.NEGATIVE;
  }

  private static final int WHERE_SHOWN = 4;

  private static void text(PrintWriter out, List<GangResult> gangs, boolean fits) {
    TextTable t = new TextTable("POD GROUP", "KIND", "MIN", "PLACED", "FITS", "WHERE");
    for (GangResult g : gangs) {
      t.row(g.id(), g.gangApi(), g.minCount(), g.placed(), g.fits() ? "yes" : "no", TextTable.list(g.where(), WHERE_SHOWN));
    }
    t.print(out);
    if (gangs.stream().anyMatch(g -> g.admission().isPresent())) {
      TextTable q = new TextTable("POD GROUP", "CLUSTERQUEUE", "FLAVOR", "RESOURCE", "REQUESTED", "USED", "NOMINAL", "BORROWED");
      for (GangResult g : gangs) {
        g.admission().ifPresent(a -> a.quota().forEach(u -> q.row(g.id(), a.clusterQueue(), u.flavor(), u.resource(), u.requested(), u.used(),
            u.nominal(), u.borrowed())));
      }
      q.print(out);
    }
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
