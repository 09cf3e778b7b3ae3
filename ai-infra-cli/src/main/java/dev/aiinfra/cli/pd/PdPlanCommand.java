package dev.aiinfra.cli.pd;

import dev.aiinfra.cli.ExitCodes;
import dev.aiinfra.cli.HelpOption;
import dev.aiinfra.cli.OutputOptions;
import dev.aiinfra.cli.output.TextTable;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.serving.policy.pd.PdPlan;
import dev.aiinfra.serving.policy.pd.PdPlanner;
import dev.aiinfra.serving.policy.pd.ServingConfiguration;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ai-infra pd plan}: AIConfigurator's {@code cli default} on the table-free roofline. Exit 0
 * with a plan, 1 when nothing meets the SLAs, 2 for invalid flags.
 */
@Command(name = "plan",
    description = "Compare aggregated and disaggregated (xPyD) serving within a GPU budget under TTFT/TPOT limits.")
public final class PdPlanCommand implements Callable<Integer> {
  @Mixin HelpOption help;
  @Spec CommandSpec spec;
  @Mixin PlanOptions options;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    PdPlan plan = PdPlanner.plan(options.request());
    output.print(spec.commandLine().getOut(), PlanJson.of(plan), out -> text(out, plan));
    return plan.isFeasible() ? ExitCodes.OK : ExitCodes.NEGATIVE;
  }

  static void text(PrintWriter out, PdPlan plan) {
    if (plan.isFeasible()) {
      TextTable t = new TextTable("RANK", "MODE", "CONFIGURATION", "GPUS", "TOKENS/S/GPU", "TOKENS/S/USER", "TTFT MS", "TPOT MS", "REQUEST MS", "CONCURRENCY");
      int rank = 1;
      for (ServingConfiguration c : plan.candidates()) {
        t.row(String.valueOf(rank++), c.mode().id(), c.label(), String.valueOf(c.gpus()), f(c.tokensPerSecondPerGpu()), f(c.tokensPerSecondPerUser()),
            f(c.ttftMs()), f(c.tpotMs()), String.format(Locale.ROOT, "%.0f", c.requestLatencyMs()), String.valueOf(c.concurrency()));
      }
      t.print(out);
      out.println("advice: " + plan.advice().orElseThrow().id()
          + plan.disaggregationGain().map(g -> String.format(Locale.ROOT, " (disaggregated/aggregated = %.2fx)", g)).orElse(""));
    }
    for (Diagnostic d : plan.explanations()) {
      out.println(d.code() + ": " + d.message() + d.hint().map(h -> " (" + h + ")").orElse(""));
    }
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
