package dev.aiinfra.cli.pss;

import dev.aiinfra.cli.ExitCodes;
import dev.aiinfra.cli.HelpOption;
import dev.aiinfra.cli.InputOptions;
import dev.aiinfra.cli.OutputOptions;
import dev.aiinfra.cli.KubernetesVersionOptions;
import dev.aiinfra.cli.UsageException;
import dev.aiinfra.cli.output.TextTable;
import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import dev.aiinfra.sandbox.model.pss.PodSecurityVersion;
import dev.aiinfra.sandbox.policy.pss.PodSecurityViolation;
import dev.aiinfra.sandbox.read.InputReview;
import dev.aiinfra.sandbox.render.pss.ObjectReview;
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
 * {@code ai-infra pss check}: every Pod and pod template in the input at baseline and restricted;
 * exit 1 when any object is denied at {@code --level}.
 */
@Command(name = "check",
    description = "Check Pods and workload pod templates against the Pod Security Standards.")
public final class PssCheckCommand implements Callable<Integer> {
  @Mixin HelpOption help;
  @Spec CommandSpec spec;
  @Mixin InputOptions input;

  @Option(names = "--level", defaultValue = "restricted", paramLabel = "baseline|restricted",
      description = "Level that decides the exit code. Default: ${DEFAULT-VALUE}.")
  String level;

  @Mixin KubernetesVersionOptions profile;

  @Option(names = "--pss-version", paramLabel = "v1.N|latest",
      description = "Pod Security policy version, as in the pod-security.kubernetes.io/enforce-version label."
          + " Default: the --kubernetes-version minor (what latest means on that cluster).")
  String pssVersion;

  /** The flag's name before --pss-version; kept so scripts keep working, hidden from the help. */
  @Option(names = "--version", hidden = true, paramLabel = "v1.N|latest", description = "Deprecated: use --pss-version.")
  String deprecatedVersion;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    List<String> problems = new ArrayList<>();
    PodSecurityLevel gate = PodSecurityLevel.parse(level).filter(l -> l != PodSecurityLevel.PRIVILEGED).orElse(null);
    if (gate == null) {
      problems.add("--level must be baseline or restricted, not \"" + level + "\"");
    }
    if (pssVersion != null && deprecatedVersion != null) {
      problems.add("--version is the old name of --pss-version; give one of them");
    }
    String flag = deprecatedVersion != null ? "--version" : "--pss-version";
    String version = deprecatedVersion != null ? deprecatedVersion : pssVersion;
    PodSecurityVersion policyVersion = version == null ? PodSecurityVersion.forCluster(profile.profile().kubernetesVersion())
        : PodSecurityVersion.parse(version).orElse(null);
    if (policyVersion == null) {
      problems.add(flag + " must be latest or v1.<minor> (e.g. v1.37), not \"" + version + "\"");
    }
    if (!problems.isEmpty()) {
      throw new UsageException(String.join("\n  ", problems));
    }
    InputReview review = InputReview.of(input.read(), policyVersion);
    if (review.reviews().isEmpty()) {
      throw new UsageException("no Pods or workloads with pod templates in the input");
    }
    if (!review.skipped().isEmpty()) {
      spec.commandLine().getErr().println("note: skipped " + review.skipped().size() + " object(s) without pod templates: "
          + String.join(", ", review.skipped()));
    }
    PodSecurityLevel gateLevel = gate;
    output.print(spec.commandLine().getOut(), PssCheckJson.of(review), out -> text(out, review.reviews(), gateLevel, policyVersion));
    return review.anyDenied(gate) ? ExitCodes.NEGATIVE : ExitCodes.OK;
  }

  private static void text(PrintWriter out, List<ObjectReview> reviews, PodSecurityLevel gate, PodSecurityVersion version) {
    TextTable table = new TextTable("KIND", "NAMESPACE", "NAME", "BASELINE", "RESTRICTED");
    for (ObjectReview r : reviews) {
      table.row(r.kind(), r.namespace().isEmpty() ? "-" : r.namespace(), r.name(), word(r, PodSecurityLevel.BASELINE), word(r, PodSecurityLevel.RESTRICTED));
    }
    table.print(out);
    for (ObjectReview r : reviews) {
      for (PodSecurityViolation v : r.violations(gate)) {
        out.println(r.kind() + "/" + r.name() + ": " + gate.label() + ":" + version.label() + ": " + v.check() + ": " + v.message());
      }
    }
  }

  private static String word(ObjectReview r, PodSecurityLevel level) {
    return r.allowed(level) ? "allowed" : "denied (" + r.violations(level).size() + ")";
  }
}
