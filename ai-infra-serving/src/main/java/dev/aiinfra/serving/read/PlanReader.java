package dev.aiinfra.serving.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.read.InputError;
import dev.aiinfra.core.read.ManifestReadException;
import dev.aiinfra.core.read.TreeReader;
import dev.aiinfra.serving.model.deploy.ServingDeployment;
import dev.aiinfra.serving.model.deploy.ServingRole;
import dev.aiinfra.serving.model.pd.Backend;
import dev.aiinfra.serving.model.pd.PdCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

/**
 * Reads the output of {@code ai-infra pd plan -o json} (or the same as YAML) back into a
 * deployment builder, through the same safe reader as manifests: every problem is reported at its
 * field of the plan ({@code best.decode.tp}) with the file, and a plan with no configuration that
 * meets its SLA ({@code best: null}) is refused, since there is nothing to deploy.
 */
public final class PlanReader {
  private final String source;
  private final List<InputError> errors = new ArrayList<>();

  private PlanReader(String source) {
    this.source = source;
  }

  /** The deployment the plan's best configuration describes; name, namespace and style are left to the caller. */
  public static ServingDeployment.Builder read(Path file) {
    return new PlanReader(file.toString()).deployment(TreeReader.withDefaults().single(file));
  }

  /**
   * The deployment the plan describes with the caller's settings applied (name, namespace, style,
   * image…). A rule the plan's own values break only together with another value, such as prefill
   * workers without decode workers, is reported with this file at the plan's path ({@code
   * best.prefill.workers}), with the caller's problems listed beside it; the caller's problems alone
   * stay an {@link InvalidSpecException} at the deployment's fields.
   *
   * @throws ManifestReadException when the plan cannot be read or describes no valid deployment
   */
  public static ServingDeployment read(Path file, UnaryOperator<ServingDeployment.Builder> settings) {
    PlanReader reader = new PlanReader(file.toString());
    ServingDeployment.Builder b = reader.deployment(TreeReader.withDefaults().single(file));
    try {
      return settings.apply(b).build();
    } catch (InvalidSpecException e) {
      throw reader.refused(e);
    }
  }

  private RuntimeException refused(InvalidSpecException e) {
    List<InputError> out = new ArrayList<>();
    boolean fromPlan = false;
    for (FieldViolation v : e.violations()) {
      Optional<String> at = planPath(v.field());
      fromPlan |= at.isPresent();
      out.add(at.isPresent()
          ? new InputError(source, OptionalInt.empty(), at.get(), v.message())
          : InputError.ofFile("deployment settings", v.field() + ": " + v.message()));
    }
    return fromPlan ? new ManifestReadException(out) : e;
  }

  /** Where a deployment field came from in the plan, if it came from the plan. */
  private static Optional<String> planPath(String field) {
    if (field.startsWith("prefill") || field.startsWith("decode")) {
      return Optional.of("best." + field);
    }
    switch (field) {
      case "slices":
        return Optional.of("best.replicas");
      case "model":
        return Optional.of("request.model");
      case "gpusPerNode":
        return Optional.of("request.system");
      default:
        return Optional.empty();
    }
  }

  private ServingDeployment.Builder deployment(JsonNode root) {
    if (!root.isObject()) {
      throw new ManifestReadException(List.of(InputError.ofFile(source, "must be the JSON of ai-infra pd plan")));
    }
    JsonNode best = root.path("best");
    if (best.isNull() || best.isMissingNode()) {
      throw new ManifestReadException(List.of(InputError.ofFile(source,
          "the plan has no configuration that meets its SLA (best is null); there is nothing to deploy")));
    }
    ServingDeployment.Builder b = ServingDeployment.builder();
    String model = text(root, "request.model");
    if (model != null) {
      b.model(model);
    }
    String backend = text(root, "request.backend");
    if (backend != null) {
      Backend be = Backend.byId(backend).orElse(null);
      if (be == null) {
        fail("request.backend", "must be trtllm, vllm or sglang");
      } else {
        b.backend(be);
      }
    }
    String system = text(root, "request.system");
    if (system != null) {
      PdCatalog.builtin().gpu(system).ifPresent(g -> b.gpusPerNode(g.gpusPerNode()));
    }
    int replicas = integer(best, "replicas", "best.replicas");
    if (errors.isEmpty() && replicas < 1) {
      fail("best.replicas", "Invalid value: \"" + replicas + "\": must be at least 1");
    }
    ServingRole decode = role(best.path("decode"), "best.decode", best.has("prefill") ? ServingRole.Phase.DECODE : ServingRole.Phase.AGGREGATED);
    if (best.has("prefill")) {
      ServingRole prefill = role(best.path("prefill"), "best.prefill", ServingRole.Phase.PREFILL);
      if (errors.isEmpty()) {
        b.slices(replicas).prefill(prefill).decode(decode);
      }
    } else if (errors.isEmpty()) {
      long workers = (long) replicas * decode.workers();
      if (workers > Integer.MAX_VALUE) {
        fail("best.replicas", "replicas × decode.workers must be at most " + Integer.MAX_VALUE + ", not " + workers);
      } else {
        b.slices(1).decode(role(ServingRole.Phase.AGGREGATED, (int) workers, decode.tp(), decode.batch(), "best.decode"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ManifestReadException(errors);
    }
    return b;
  }

  private ServingRole role(JsonNode n, String path, ServingRole.Phase phase) {
    int before = errors.size();
    int workers = integer(n, "workers", path + ".workers");
    int tp = integer(n, "tp", path + ".tp");
    int batch = integer(n, "batch", path + ".batch");
    return errors.size() == before ? role(phase, workers, tp, batch, path) : null;
  }

  /** The role, or its violations reported at the plan's own path ({@code best.decode.tp}), with this file. */
  private ServingRole role(ServingRole.Phase phase, int workers, int tp, int batch, String path) {
    ServingRole role = ServingRole.of(phase, workers, tp, batch);
    for (FieldViolation v : role.violations()) {
      fail(v.under(FieldPath.of(path)).field(), v.message());
    }
    return role.violations().isEmpty() ? role : null;
  }

  private String text(JsonNode root, String dotted) {
    JsonNode n = root.at("/" + dotted.replace('.', '/'));
    if (n.isMissingNode() || n.isNull()) {
      fail(dotted, "required");
      return null;
    }
    return n.asText();
  }

  private int integer(JsonNode n, String field, String path) {
    JsonNode v = n.path(field);
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      fail(path, v.isMissingNode() ? "required" : "must be an integer");
      return 0;
    }
    return v.intValue();
  }

  private void fail(String field, String rule) {
    errors.add(new InputError(source, java.util.OptionalInt.empty(), field, rule));
  }
}
