package dev.aiinfra.cli.manifest;

import dev.aiinfra.cli.ExitCodes;
import dev.aiinfra.cli.HelpOption;
import dev.aiinfra.cli.OutputFormat;
import dev.aiinfra.cli.OutputOptions;
import dev.aiinfra.cli.output.JsonOut;
import dev.aiinfra.core.model.profile.KubernetesVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ai-infra version}. */
@Command(name = "version", description = "Print the ai-infra version and the Kubernetes versions it targets.")
public final class VersionCommand implements Callable<Integer> {
  @Mixin HelpOption help;
  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  static String version() {
    try (InputStream in = VersionCommand.class.getResourceAsStream("/dev/aiinfra/cli/version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String range = KubernetesVersion.OLDEST + "-" + KubernetesVersion.NEWEST;
    if (output.format() == OutputFormat.json) {
      com.fasterxml.jackson.databind.node.ObjectNode json = JsonOut.object().put("version", version());
      com.fasterxml.jackson.databind.node.ArrayNode versions = json.putArray("kubernetesVersions");
      KubernetesVersion.supported().forEach(v -> versions.add(v.toString()));
      JsonOut.print(out, json.put("defaultKubernetesVersion", KubernetesVersion.DEFAULT.toString()));
    } else {
      out.println("ai-infra " + version() + " (Kubernetes " + range + ", default " + KubernetesVersion.DEFAULT + ")");
      out.flush();
    }
    return ExitCodes.OK;
  }

  /** Supplies {@code --version} for the root command. */
  public static final class Provider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"ai-infra " + version()};
    }
  }
}
