package dev.aiinfra.dra.render;

import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.core.render.ManifestWriter;
import dev.aiinfra.core.model.workload.PodTemplate;
import dev.aiinfra.core.render.workload.PodTemplateRenderer;
import dev.aiinfra.dra.model.DeviceClassSpec;
import dev.aiinfra.dra.model.ResourceClaimSpec;
import dev.aiinfra.dra.model.ResourceSliceSpec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A ready-made DRA layout: the DeviceClasses and claim templates to apply, an example pod template
 * wired to them, and ResourceSlices describing matching hardware (for tests and offline checks).
 */
@Value.Immutable
public abstract class DraRecipe {
  public abstract String name();

  public abstract List<DeviceClassSpec> classes();

  public abstract List<ResourceClaimSpec> claims();

  public abstract Optional<PodTemplate> podTemplate();

  /** Example hardware that satisfies the claims; not applied to clusters (drivers publish slices). */
  public abstract List<ResourceSliceSpec> exampleSlices();

  public static Builder builder() {
    return new Builder();
  }

  /** The classes and claims (templates) to apply, as {@code resource.k8s.io/v1} objects. */
  public ManifestBundle manifests() {
    List<HasMetadata> objects = new ArrayList<>();
    classes().forEach(c -> objects.add(DraManifests.deviceClass(c)));
    claims().forEach(c -> objects.add(DraManifests.claimObject(c)));
    return ManifestBundle.of(objects);
  }

  /** The manifests, then the example pod template and slices, as one YAML stream. */
  public String toYaml() {
    StringBuilder b = new StringBuilder(manifests().toYaml());
    podTemplate().ifPresent(t -> b.append("---\n# pod template\n").append(ManifestWriter.yamlOf(PodTemplateRenderer.render(t))));
    List<HasMetadata> slices = new ArrayList<>();
    exampleSlices().forEach(s -> slices.add(DraManifests.resourceSlice(s)));
    if (!slices.isEmpty()) {
      b.append("---\n# example hardware (published by drivers)\n").append(ManifestWriter.yaml(slices));
    }
    return b.toString();
  }

  /** Builder for {@link DraRecipe}. */
  public static final class Builder extends ImmutableDraRecipe.Builder {}
}
