package dev.aiinfra.serving.model.pd;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.Violations;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * The GPUs and models the planner knows, looked up the way AIConfigurator takes them: a GPU by its
 * system name ({@code h200_sxm}), a model by catalog name, Hugging Face id or alias, where the
 * suffix {@code -FP8} ({@code Qwen/Qwen3-32B-FP8}) selects FP8 weights and KV cache. The shipped
 * catalog is {@link #builtin()}; users extend it with {@link #withAdded(PdCatalog)} (a catalog file
 * is read by {@code dev.aiinfra.serving.read.CatalogReader}).
 */
@Value.Immutable
public abstract class PdCatalog {
  private static final String FP8_SUFFIX = "-fp8";

  public abstract List<GpuSpec> gpus();

  public abstract List<ModelSpec> models();

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The catalog shipped with ai-infra: AIConfigurator's systems ({@code h100_sxm}, {@code h200_sxm},
   * {@code b200_sxm}, {@code a100_sxm}, {@code l40s}) and the models of the domain notes, every
   * entry with its sources.
   */
  public static PdCatalog builtin() {
    return BuiltinPdCatalog.CATALOG;
  }

  /** The GPU with this system name, case-insensitive. */
  public Optional<GpuSpec> gpu(String id) {
    return gpus().stream().filter(g -> g.id().equalsIgnoreCase(id)).findFirst();
  }

  /** The model with this name; a trailing {@code -FP8} selects the FP8 checkpoint of the named model. */
  public Optional<ModelSpec> model(String name) {
    Optional<ModelSpec> exact = exact(name);
    if (exact.isPresent()) {
      return exact;
    }
    if (name.toLowerCase(Locale.ROOT).endsWith(FP8_SUFFIX)) {
      return exact(name.substring(0, name.length() - FP8_SUFFIX.length())).map(m -> m.withPrecision(Precision.FP8).withCheckpoint(name));
    }
    return Optional.empty();
  }

  private Optional<ModelSpec> exact(String name) {
    return models().stream()
        .filter(m -> m.id().equalsIgnoreCase(name) || m.hfId().equalsIgnoreCase(name) || m.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(name)))
        .findFirst();
  }

  /** This catalog with {@code other}'s entries added; an entry with an existing id replaces it. */
  public PdCatalog withAdded(PdCatalog other) {
    Builder b = builder();
    gpus().stream().filter(g -> other.gpu(g.id()).isEmpty()).forEach(b::addGpus);
    b.addAllGpus(other.gpus());
    models().stream().filter(m -> other.models().stream().noneMatch(o -> o.id().equalsIgnoreCase(m.id()))).forEach(b::addModels);
    b.addAllModels(other.models());
    return b.build();
  }

  public List<String> gpuIds() {
    return gpus().stream().map(GpuSpec::id).collect(Collectors.toList());
  }

  public List<String> modelIds() {
    return models().stream().map(ModelSpec::hfId).collect(Collectors.toList());
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    for (int i = 0; i < gpus().size(); i++) {
      for (int j = 0; j < i; j++) {
        if (gpus().get(i).id().equalsIgnoreCase(gpus().get(j).id())) {
          v.duplicate(FieldPath.of("gpus[" + i + "].id"), gpus().get(i).id());
        }
      }
    }
    for (int i = 0; i < models().size(); i++) {
      for (int j = 0; j < i; j++) {
        if (models().get(i).id().equalsIgnoreCase(models().get(j).id())) {
          v.duplicate(FieldPath.of("models[" + i + "].id"), models().get(i).id());
        }
      }
    }
    v.throwIfAny();
  }

  /** Builder for {@link PdCatalog}. */
  public static final class Builder extends ImmutablePdCatalog.Builder {}
}
