package dev.aiinfra.sandbox.model.pss;

import java.util.List;
import org.immutables.value.Value;

/**
 * A pod volume as the checks see it: its name and the source fields set on it ({@code hostPath},
 * {@code emptyDir}, {@code csi}, …). A volume with no source is defaulted to {@code emptyDir} by the
 * API server before admission; {@code PodSecurity} applies that default.
 */
@Value.Immutable
public abstract class VolumeView {
  public abstract String name();

  /** The volume source field names present, e.g. {@code [hostPath]}; empty when none is set. */
  public abstract List<String> sources();

  public static VolumeView of(String name, String... sources) {
    return builder().name(name).addAllSources(java.util.Arrays.asList(sources)).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link VolumeView}. */
  public static final class Builder extends ImmutableVolumeView.Builder {}
}
