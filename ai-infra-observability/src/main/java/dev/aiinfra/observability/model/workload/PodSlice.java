package dev.aiinfra.observability.model.workload;

/**
 * A part of a workload's pods to select: all of them, one pod index, one group or one role. A
 * two-level pod index is written {@code <group>-<worker>} (e.g. {@code 1-3}), as the {@code
 * pod_index} target label is.
 */
public record PodSlice(Part part, String value) {
  /** Which part. */
  public enum Part {
    ALL,
    INDEX,
    GROUP,
    ROLE
  }

  public static PodSlice all() {
    return new PodSlice(Part.ALL, "");
  }

  public static PodSlice index(String podIndex) {
    return new PodSlice(Part.INDEX, podIndex);
  }

  public static PodSlice index(int podIndex) {
    return index(Integer.toString(podIndex));
  }

  public static PodSlice group(int group) {
    return new PodSlice(Part.GROUP, Integer.toString(group));
  }

  public static PodSlice role(String role) {
    return new PodSlice(Part.ROLE, role);
  }
}
