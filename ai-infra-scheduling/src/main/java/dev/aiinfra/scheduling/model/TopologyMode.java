package dev.aiinfra.scheduling.model;

/**
 * How a pod set asks for topology (Kueue {@code PodSetTopologyRequest}): all pods in one domain of
 * a level, preferably so, anywhere, or implied (no annotation in a TAS-only queue).
 */
public enum TopologyMode {
  REQUIRED,
  PREFERRED,
  UNCONSTRAINED,
  IMPLIED
}
