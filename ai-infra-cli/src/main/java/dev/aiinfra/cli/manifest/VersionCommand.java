package dev.aiinfra.cli.manifest;

import dev.aiinfra.cli.ExitCodes;
import dev.aiinfra.cli.HelpOption;
import dev.aiinfra.cli.OutputOptions;
import dev.aiinfra.cli.output.TextTable;
import dev.aiinfra.core.model.profile.KubernetesVersion;
import java.io.IOException;
import java.io.InputStream;
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
    String version = version();
    output.print(spec.commandLine().getOut(), VersionJson.of(version), out -> {
      new TextTable("AI-INFRA", "KUBERNETES", "DEFAULT KUBERNETES")
          .row(version, KubernetesVersion.OLDEST + "-" + KubernetesVersion.NEWEST, KubernetesVersion.DEFAULT)
          .print(out);
    });
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
