package dev.aiinfra.cli.manifest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.cli.ExitCodes;
import dev.aiinfra.cli.HelpOption;
import dev.aiinfra.cli.InputOptions;
import dev.aiinfra.cli.OutputOptions;
import dev.aiinfra.cli.output.JsonOut;
import dev.aiinfra.cli.output.TextTable;
import dev.aiinfra.core.model.FieldErrorType;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.read.DuplicateObjects;
import dev.aiinfra.core.read.ReadLimits;
import dev.aiinfra.core.read.SourcedObject;
import dev.aiinfra.core.render.validation.ObjectValidation;
import dev.aiinfra.core.render.validation.ObjectValidator;
import dev.aiinfra.dra.read.DraRules;
import dev.aiinfra.scheduling.read.SchedulingRules;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    ObjectValidator validator = validator();
    ObjectNode json = JsonOut.object();
    ArrayNode items = JsonOut.array();
    boolean allValid = true;
    int invalid = 0;
    int unknown = 0;
    PrintWriter out = spec.commandLine().getOut();
    TextTable table = new TextTable("FILE", "DOC", "KIND", "NAME", "RESULT");
    StringBuilder text = new StringBuilder();
    Map<SourcedObject, SourcedObject> repeats = DuplicateObjects.repeats(objects);
    for (SourcedObject o : objects) {
      ObjectValidation v = validator.validate(o.object());
      List<FieldViolation> violations = new ArrayList<>(v.violations());
      SourcedObject earlier = repeats.get(o);
      if (earlier != null) {
        // apply and dns tune take each object once: a repeat is refused there, so it is invalid here
        violations.add(FieldViolation.of(FieldPath.of("metadata.name"), FieldErrorType.Duplicate, v.key().toString(),
            DuplicateObjects.detail(earlier)));
      }
      boolean valid = violations.isEmpty() && v.valid(ignoreUnknownKinds);
      allValid &= valid;
      invalid += violations.isEmpty() ? 0 : 1;
      unknown += v.kindKnown() ? 0 : 1;
      ObjectNode item = items.addObject()
          .put("kind", v.key().kind())
          .put("namespace", v.key().namespace())
          .put("name", v.key().name())
          .put("source", o.source())
          .put("document", o.document())
          .put("valid", valid)
          .put("checked", v.kindKnown());
      ArrayNode vs = item.putArray("violations");
      for (FieldViolation fv : violations) {
        vs.add(JsonOut.violation(fv));
        text.append(o.origin()).append(": ").append(v.key()).append(": ").append(fv).append('\n');
      }
      table.row(o.source(), o.document(), v.key().kind(), v.key().namespace().isEmpty() ? v.key().name() : v.key().namespace() + "/" + v.key().name(),
          result(violations.isEmpty(), v.kindKnown()));
    }
    json.put("valid", allValid);
    json.set("objects", items);
    String summary = summary(objects.size(), invalid, unknown);
    output.print(out, json, o -> {
      table.print(o);
      o.print(text);
      o.println(summary);
    });
    return allValid ? ExitCodes.OK : ExitCodes.NEGATIVE;
  }

  private String result(boolean noViolations, boolean kindKnown) {
    if (!noViolations) {
      return "invalid";
    }
    if (kindKnown) {
      return "valid";
    }
    return ignoreUnknownKinds ? "valid (unknown kind: metadata only)" : "not checked: unknown kind";
  }

  private String summary(int objects, int invalid, int unknown) {
    String verdict = objects + " objects, " + (invalid == 0 ? "all valid" : "some invalid");
    if (unknown == 0) {
      return verdict;
    }
    if (ignoreUnknownKinds) {
      return verdict + " (" + unknown + " of unknown kinds, metadata only)";
    }
    return objects + " objects, " + unknown + " not checked: unknown kind" + (invalid == 0 ? "" : ", some invalid")
        + " (ai-infra has no model of their kind and checked only their metadata; --ignore-unknown-kinds accepts them)";
  }
}
