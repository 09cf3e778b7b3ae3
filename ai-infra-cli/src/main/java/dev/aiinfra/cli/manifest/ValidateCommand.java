package dev.aiinfra.cli.manifest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.cli.AiInfraCommand;
import dev.aiinfra.cli.ExitCodes;
import dev.aiinfra.cli.InputOptions;
import dev.aiinfra.cli.OutputFormat;
import dev.aiinfra.cli.output.JsonOut;
import dev.aiinfra.core.model.FieldErrorType;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.render.DuplicateObjects;
import dev.aiinfra.core.render.ReadLimits;
import dev.aiinfra.core.render.SourcedObject;
import dev.aiinfra.core.render.validation.ObjectValidation;
import dev.aiinfra.core.render.validation.ObjectValidator;
import dev.aiinfra.dra.render.DraRules;
import dev.aiinfra.scheduling.render.SchedulingRules;
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

/** {@code ai-infra validate}: every rule the library implements, on every object; exit 1 when any is invalid. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check objects against the API rules ai-infra implements.")
public final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin InputOptions input;

  @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text, json or yaml.")
  OutputFormat output;

  /** The validator with every module's rules. */
  static ObjectValidator validator() {
    return ObjectValidator.core().with(DraRules.all()).with(SchedulingRules.all());
  }

  @Override
  public Integer call() {
    AiInfraCommand root = (AiInfraCommand) spec.root().userObject();
    // Unnamed objects are read too: the metadata rules report them (Required at metadata.name).
    List<SourcedObject> objects = input.read(root.stdin(), ReadLimits.defaults().withAllowUnnamed(true));
    ObjectValidator validator = validator();
    ObjectNode json = JsonOut.object();
    ArrayNode items = JsonOut.array();
    boolean allValid = true;
    PrintWriter out = spec.commandLine().getOut();
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
      allValid &= violations.isEmpty();
      ObjectNode item = items.addObject()
          .put("kind", v.key().kind())
          .put("namespace", v.key().namespace())
          .put("name", v.key().name())
          .put("valid", violations.isEmpty());
      ArrayNode vs = item.putArray("violations");
      for (FieldViolation fv : violations) {
        vs.add(JsonOut.violation(fv));
        text.append(o.origin()).append(": ").append(v.key()).append(": ").append(fv).append('\n');
      }
    }
    json.put("valid", allValid);
    json.set("objects", items);
    boolean valid = allValid;
    output.print(out, json, o -> {
      o.print(text);
      o.println(objects.size() + " objects, " + (valid ? "all valid" : "some invalid"));
    });
    return allValid ? ExitCodes.OK : ExitCodes.NEGATIVE;
  }
}
