package dev.aiinfra.scheduling.model;

/**
 * How a pod set asks for topology (Kueue {@code PodSetTopologyRequest}): all pods in one domain of
 * a level, preferably so, anywhere, or implied (no annotation in a TAS-only queue).
 */
public enum TopologyMode {
  REQUIRED,
  PREFERRED,
  UNCONSTRAINED,
  IMPLIED,
  /**
   * {@code podset-unconstrained-topology: "false"} and no level: an explicit request without a level,
   * which Kueue rejects with "topology level not specified" unless slices give it the top level.
   */
  UNSET
}
