package dev.aiinfra.cli.pss;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.cli.AiInfraCommand;
import dev.aiinfra.cli.ExitCodes;
import dev.aiinfra.cli.InputOptions;
import dev.aiinfra.cli.OutputFormat;
import dev.aiinfra.cli.UsageException;
import dev.aiinfra.cli.output.JsonOut;
import dev.aiinfra.cli.output.TextTable;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.read.InputError;
import dev.aiinfra.core.read.ManifestReadException;
import dev.aiinfra.core.read.SourcedObject;
import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import dev.aiinfra.sandbox.model.pss.PodSecurityVersion;
import dev.aiinfra.sandbox.policy.pss.PodSecurityViolation;
import dev.aiinfra.sandbox.render.pss.ObjectReview;
import dev.aiinfra.sandbox.render.pss.PodSecurityReviews;
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
  @Spec CommandSpec spec;
  @Mixin InputOptions input;

  /** Not the standard help mixin: its {@code --version} would clash with the policy version flag. */
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--level", defaultValue = "restricted", paramLabel = "baseline|restricted",
      description = "Level that decides the exit code (default: ${DEFAULT-VALUE}).")
  String level;

  @Option(names = "--version", defaultValue = "latest", paramLabel = "v1.N|latest",
      description = "Pod Security policy version (default: ${DEFAULT-VALUE}).")
  String version;

  @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text, json or yaml.")
  OutputFormat output;

  @Override
  public Integer call() {
    List<String> problems = new ArrayList<>();
    PodSecurityLevel gate = PodSecurityLevel.parse(level).filter(l -> l != PodSecurityLevel.PRIVILEGED).orElse(null);
    if (gate == null) {
      problems.add("--level must be baseline or restricted, not \"" + level + "\"");
    }
    PodSecurityVersion policyVersion = PodSecurityVersion.parse(version).orElse(null);
    if (policyVersion == null) {
      problems.add("--version must be latest or v1.<minor> (e.g. v1.37), not \"" + version + "\"");
    }
    if (!problems.isEmpty()) {
      throw new UsageException(String.join("\n  ", problems));
    }
    AiInfraCommand root = (AiInfraCommand) spec.root().userObject();
    List<ObjectReview> reviews = new ArrayList<>();
    List<InputError> errors = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (SourcedObject o : input.read(root.stdin())) {
      if (!PodSecurityReviews.reviewable(o.object().getApiVersion(), o.object().getKind())) {
        skipped.add(o.object().getKind() + "/" + o.object().getMetadata().getName());
        continue;
      }
      try {
        reviews.add(PodSecurityReviews.review(o.object(), policyVersion));
      } catch (InvalidSpecException e) {
        e.violations().forEach(v -> errors.add(o.error(v.field(), v.message())));
      }
    }
    if (!errors.isEmpty()) {
      throw new ManifestReadException(errors);
    }
    if (reviews.isEmpty()) {
      throw new UsageException("no Pods or workloads with pod templates in the input");
    }
    if (!skipped.isEmpty()) {
      spec.commandLine().getErr().println("note: skipped " + skipped.size() + " object(s) without pod templates: " + String.join(", ", skipped));
    }
    ObjectNode json = JsonOut.object();
    ArrayNode objects = json.putArray("objects");
    boolean denied = false;
    for (ObjectReview r : reviews) {
      ObjectNode o = objects.addObject().put("kind", r.kind()).put("namespace", r.namespace()).put("name", r.name());
      verdict(o.putObject("baseline"), r, PodSecurityLevel.BASELINE);
      verdict(o.putObject("restricted"), r, PodSecurityLevel.RESTRICTED);
      denied |= !r.allowed(gate);
    }
    PodSecurityLevel gateLevel = gate;
    output.print(spec.commandLine().getOut(), json, out -> text(out, reviews, gateLevel, policyVersion));
    return denied ? ExitCodes.NEGATIVE : ExitCodes.OK;
  }

  private static void verdict(ObjectNode node, ObjectReview r, PodSecurityLevel level) {
    node.put("allowed", r.allowed(level));
    ArrayNode violations = node.putArray("violations");
    for (PodSecurityViolation v : r.violations(level)) {
      violations.addObject().put("check", v.check()).put("message", v.message());
    }
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
