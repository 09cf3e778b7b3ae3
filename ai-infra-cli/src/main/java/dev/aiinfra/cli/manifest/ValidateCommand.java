package dev.aiinfra.cli.manifest;

import dev.aiinfra.cli.ExitCodes;
import dev.aiinfra.cli.HelpOption;
import dev.aiinfra.cli.InputOptions;
import dev.aiinfra.cli.OutputOptions;
import dev.aiinfra.cli.output.TextTable;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.manifest.ObjectKey;
import dev.aiinfra.core.read.ReadLimits;
import dev.aiinfra.core.read.SourcedObject;
import dev.aiinfra.core.read.ManifestValidation;
import dev.aiinfra.core.render.validation.ObjectValidator;
import dev.aiinfra.core.render.validation.ObjectVerdict;
import dev.aiinfra.core.read.ValidatedObject;
import dev.aiinfra.dra.read.DraRules;
import dev.aiinfra.scheduling.read.SchedulingRules;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ai-infra validate}: every rule the library implements, on every object, each result named
 * by file and document; exit 1 when any is invalid or of a kind ai-infra has no model of (unless
 * {@code --ignore-unknown-kinds}).
 */
@Command(name = "validate", description = "Check objects against the API rules ai-infra implements.")
public final class ValidateCommand implements Callable<Integer> {
  @Mixin HelpOption help;
  @Spec CommandSpec spec;
  @Mixin InputOptions input;

  @Mixin OutputOptions output;

  @Option(names = "--ignore-unknown-kinds",
      description = "Accept objects of kinds ai-infra has no model of (CRDs) when their metadata is valid; by default they are"
          + " \"not checked: unknown kind\" and the exit code is 1.")
  boolean ignoreUnknownKinds;

  /** The validator with every module's rules. */
  static ObjectValidator validator() {
    return ObjectValidator.core().with(DraRules.all()).with(SchedulingRules.all());
  }

  @Override
  public Integer call() {
    // Unnamed objects are read too: the metadata rules report them (Required at metadata.name).
    List<SourcedObject> objects = input.read(ReadLimits.defaults().withAllowUnnamed(true));
    ManifestValidation validation = ManifestValidation.validate(objects, validator(), ignoreUnknownKinds);
    output.print(spec.commandLine().getOut(), ValidateJson.of(validation), out -> text(out, validation));
    return validation.valid() ? ExitCodes.OK : ExitCodes.NEGATIVE;
  }

  private static void text(PrintWriter out, ManifestValidation validation) {
    TextTable table = new TextTable("FILE", "DOC", "KIND", "NAME", "RESULT");
    for (ValidatedObject o : validation.objects()) {
      ObjectKey key = o.validation().key();
      table.row(o.source().source(), o.source().document(), key.kind(), key.namespace().isEmpty() ? key.name() : key.namespace() + "/" + key.name(),
          result(o.verdict()));
    }
    table.print(out);
    for (ValidatedObject o : validation.objects()) {
      for (FieldViolation fv : o.violations()) {
        out.println(o.source().origin() + ": " + o.validation().key() + ": " + fv);
      }
    }
    out.println(summary(validation));
  }

  private static String result(ObjectVerdict verdict) {
    return switch (verdict) {
      case INVALID -> "invalid";
      case VALID -> "valid";
      case UNKNOWN_KIND_ACCEPTED -> "valid (unknown kind: metadata only)";
      case NOT_CHECKED -> "not checked: unknown kind";
    };
  }

  private static String summary(ManifestValidation v) {
    int objects = v.objects().size();
    int invalid = v.invalidCount();
    int unknown = v.unknownKindCount();
    String verdict = objects + " objects, " + (invalid == 0 ? "all valid" : "some invalid");
    if (unknown == 0) {
      return verdict;
    }
    if (v.ignoreUnknownKinds()) {
      return verdict + " (" + unknown + " of unknown kinds, metadata only)";
    }
    return objects + " objects, " + unknown + " not checked: unknown kind" + (invalid == 0 ? "" : ", some invalid")
        + " (ai-infra has no model of their kind and checked only their metadata; --ignore-unknown-kinds accepts them)";
  }
}
