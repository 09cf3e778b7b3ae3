package dev.aiinfra.scheduling.model;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.SpecPart;
import dev.aiinfra.core.model.validation.Violations;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A pod set's topology request: the mode and level (a node label key such as {@code
 * topology.example.com/rack}), and optionally slices: every {@code sliceSize} pods in one domain of
 * {@code sliceLevel}. Maps to Kueue's {@code podset-*-topology} annotations and, for native
 * Workload gangs, to {@code schedulingConstraints.topology[0].key} (required only). Validated by
 * the {@link PodGroupSpec} or {@link PodSet} that holds it, at {@code topology.*}.
 */
@Value.Immutable
public abstract class TopologyRequest implements SpecPart {
  public abstract TopologyMode mode();

  /** Set for REQUIRED and PREFERRED. */
  public abstract Optional<String> level();

  public abstract Optional<String> sliceLevel();

  public abstract Optional<Integer> sliceSize();

  /**
   * Multi-layer slices (Kueue {@code podset-slice-required-topology-constraints}, gate {@code
   * TASMultiLayerTopology}): the layers below the outermost one ({@link #sliceLevel()} and {@link
   * #sliceSize()}), each strictly deeper than the one above and dividing its size.
   */
  public abstract List<SliceLayer> innerSliceLayers();

  /** One inner slice layer: every {@code size} pods of a slice in one domain of {@code level}. */
  public record SliceLayer(String level, int size) {}

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link TopologyRequest}. */
  public static final class Builder extends ImmutableTopologyRequest.Builder {}

  public static TopologyRequest required(String level) {
    return builder().mode(TopologyMode.REQUIRED).level(level).build();
  }

  public static TopologyRequest preferred(String level) {
    return builder().mode(TopologyMode.PREFERRED).level(level).build();
  }

  public static TopologyRequest unconstrained() {
    return builder().mode(TopologyMode.UNCONSTRAINED).build();
  }

  public static TopologyRequest implied() {
    return builder().mode(TopologyMode.IMPLIED).build();
  }

  @Override
  public List<FieldViolation> violations() {
    Violations v = new Violations();
    boolean needsLevel = mode() == TopologyMode.REQUIRED || mode() == TopologyMode.PREFERRED;
    if (needsLevel && level().isEmpty()) {
      v.required(FieldPath.of("level"), "a " + mode().name().toLowerCase(java.util.Locale.ROOT) + " topology request needs a level");
    }
    if (!needsLevel && level().isPresent()) {
      v.forbidden(FieldPath.of("level"), "only required and preferred requests name a level");
    }
    if (sliceSize().isPresent() && sliceSize().get() < 1) {
      v.invalid(FieldPath.of("sliceSize"), sliceSize().get(), "must be at least 1");
    }
    if (!innerSliceLayers().isEmpty() && sliceLevel().isEmpty()) {
      v.required(FieldPath.of("sliceLevel"), "inner slice layers need an outer slice level");
    }
    if (sliceSize().isPresent() && sliceLevel().isEmpty()) {
      v.required(FieldPath.of("sliceLevel"), "a slice size needs a slice level");
    }
    return v.list();
  }
}
