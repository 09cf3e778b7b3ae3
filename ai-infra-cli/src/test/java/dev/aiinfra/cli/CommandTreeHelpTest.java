package dev.aiinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The help of every command in the tree, walked the way the program builds it ({@code Main.commandLine}). */
class CommandTreeHelpTest {

  private static List<CommandLine> everyCommand() {
    List<CommandLine> all = new ArrayList<>();
    collect(Main.commandLine(InputStream.nullInputStream()), all);
    return all;
  }

  private static void collect(CommandLine c, List<CommandLine> into) {
    into.add(c);
    c.getSubcommands().values().forEach(s -> collect(s, into));
  }

  private static String help(CommandLine c) {
    return c.getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " ");
  }

  private static String name(ArgSpec a) {
    return a instanceof OptionSpec o ? o.longestName() : a.paramLabel();
  }

  @Test
  void every_option_and_parameter_has_help_text() {
    List<String> missing = new ArrayList<>();
    for (CommandLine c : everyCommand()) {
      for (ArgSpec a : c.getCommandSpec().args()) {
        if (!a.hidden() && String.join("", a.description()).isBlank()) {
          missing.add(c.getCommandSpec().qualifiedName() + " " + name(a));
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void every_default_value_is_shown_in_the_help() {
    List<String> hidden = new ArrayList<>();
    for (CommandLine c : everyCommand()) {
      String help = help(c);
      for (ArgSpec a : c.getCommandSpec().args()) {
        String declared = a.defaultValue() != null ? a.defaultValue() : defaultFromProvider(c, a);
        if (a.hidden() || declared == null) {
          continue;
        }
        // picocli may wrap a long value (at a dot, too): compare without whitespace
        if (!help.replace(" ", "").contains("Default:" + declared.replace(" ", ""))) {
          hidden.add(c.getCommandSpec().qualifiedName() + " " + name(a) + " (default " + declared + ")");
        }
      }
    }
    assertThat(hidden).isEmpty();
  }

  private static String defaultFromProvider(CommandLine c, ArgSpec a) {
    try {
      return c.getDefaultValueProvider() == null ? null : c.getDefaultValueProvider().defaultValue(a);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void every_command_with_a_kubernetes_version_shows_the_library_default() {
    for (CommandLine c : everyCommand()) {
      OptionSpec v = c.getCommandSpec().findOption("--kubernetes-version");
      if (v != null) {
        assertThat(help(c)).as(c.getCommandSpec().qualifiedName())
            .contains("Default: " + dev.aiinfra.core.model.profile.KubernetesVersion.DEFAULT);
      }
    }
  }

  @Test
  void only_the_root_command_has_a_version_flag() {
    for (CommandLine c : everyCommand()) {
      CommandSpec spec = c.getCommandSpec();
      boolean hasVersionFlag = spec.options().stream().anyMatch(OptionSpec::versionHelp);
      assertThat(hasVersionFlag).as(spec.qualifiedName()).isEqualTo(spec.parent() == null);
    }
  }

  @Test
  void every_command_has_a_help_flag() {
    for (CommandLine c : everyCommand()) {
      assertThat(c.getCommandSpec().options().stream().anyMatch(OptionSpec::usageHelp)).as(c.getCommandSpec().qualifiedName()).isTrue();
    }
  }

  @Test
  void every_output_flag_shows_its_formats_and_default() {
    for (CommandLine c : everyCommand()) {
      OptionSpec o = c.getCommandSpec().findOption("-o");
      if (o != null) {
        assertThat(o.defaultValue()).as(c.getCommandSpec().qualifiedName()).isIn("text", "yaml");
        assertThat(String.join(" ", o.description())).as(c.getCommandSpec().qualifiedName()).contains("json");
      }
    }
  }
}
