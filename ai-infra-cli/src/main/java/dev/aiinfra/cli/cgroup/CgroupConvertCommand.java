package dev.aiinfra.cli.cgroup;

import dev.aiinfra.cli.ExitCodes;
import dev.aiinfra.cli.HelpOption;
import dev.aiinfra.cli.OutputOptions;
import dev.aiinfra.cli.UsageException;
import dev.aiinfra.cli.output.TextTable;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.sandbox.policy.cgroup.CpuConversion;
import dev.aiinfra.sandbox.policy.cgroup.CpuConversions;
import dev.aiinfra.sandbox.policy.cgroup.WeightFormula;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ai-infra cgroup convert}: CPU shares to {@code cpu.weight} (linear or quadratic), a CPU
 * request to shares and weight, a CPU limit to CFS quota and {@code cpu.max}. Only the fields that
 * apply are printed.
 */
@Command(name = "convert",
    description = "Convert CPU shares, requests and limits to the cgroup v2 values (cpu.weight, cpu.max).")
public final class CgroupConvertCommand implements Callable<Integer> {
  @Mixin HelpOption help;
  @Spec CommandSpec spec;

  @Option(names = "--cpu-shares", paramLabel = "N", description = "cgroup v1 CPU shares.")
  Long shares;

  @Option(names = "--cpu-request", paramLabel = "Q", description = "CPU request quantity (e.g. 250m, 2).")
  String request;

  @Option(names = "--cpu-limit", paramLabel = "Q", description = "CPU limit quantity.")
  String limit;

  @Option(names = "--cpu-period", paramLabel = "US", defaultValue = "100000", description = "CFS period in microseconds. Default: ${DEFAULT-VALUE}.")
  long period;

  @Option(names = "--formula", paramLabel = "F", defaultValue = "quadratic",
      description = "shares → weight: quadratic (runc ≥ 1.3.2, crun ≥ 1.23) or linear (older runtimes and the kubelet's pod cgroups). Default: ${DEFAULT-VALUE}.")
  String formula;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    List<String> problems = new ArrayList<>();
    if (shares == null && request == null && limit == null) {
      problems.add("give --cpu-shares, --cpu-request or --cpu-limit");
    }
    if (shares != null && request != null) {
      problems.add("--cpu-shares and --cpu-request both set the shares; give one");
    }
    if (shares != null && shares < 0) {
      problems.add("--cpu-shares must not be negative");
    }
    WeightFormula f = null;
    try {
      f = WeightFormula.valueOf(formula.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add("unknown --formula " + formula + "; use linear or quadratic");
    }
    if (period < CpuConversions.MIN_QUOTA_PERIOD || period > 1_000_000) {
      problems.add("--cpu-period must be between 1000 and 1000000 microseconds");
    }
    Long requestMilli = milli("--cpu-request", request, problems);
    Long limitMilli = milli("--cpu-limit", limit, problems);
    if (!problems.isEmpty()) {
      throw new UsageException(String.join("\n  ", problems));
    }
    CpuConversion c = CpuConversion.of(optional(shares), optional(requestMilli), optional(limitMilli), period, f);
    output.print(spec.commandLine().getOut(), CgroupConvertJson.of(c), out -> text(out, c));
    return ExitCodes.OK;
  }

  /** One row per value that applies, in the order the kubelet derives them: shares, weight, quota, cpu.max. */
  private static void text(PrintWriter out, CpuConversion c) {
    TextTable table = new TextTable("NAME", "VALUE");
    c.shares().ifPresent(v -> table.row("cpuShares", v));
    c.weight().ifPresent(v -> table.row("cpu.weight", v));
    c.quota().ifPresent(v -> table.row("cpuQuota", v));
    c.cpuMax().ifPresent(v -> table.row("cpu.max", v));
    table.print(out);
  }

  private static OptionalLong optional(Long value) {
    return value == null ? OptionalLong.empty() : OptionalLong.of(value);
  }

  private static Long milli(String flag, String text, List<String> problems) {
    if (text == null) {
      return null;
    }
    if (!Quantity.isValid(text)) {
      problems.add(flag + " " + text + " is not a Kubernetes quantity");
      return null;
    }
    Quantity q = Quantity.parse(text);
    if (q.signum() < 0) {
      problems.add(flag + " must not be negative");
      return null;
    }
    if (!q.hasMilliValue()) {
      problems.add(flag + " " + text + " is more than the kubelet can count in millicores as a 64-bit integer (at most "
          + Long.MAX_VALUE + "m)");
      return null;
    }
    return q.milliValue();
  }
}
