package dev.aiinfra.serving.model.deploy;

/** How a worker asks for its GPUs. */
public enum GpuAttachment {
  /** {@code resources.limits["nvidia.com/gpu"]} from the device plugin. */
  EXTENDED_RESOURCE,
  /** A {@code resource.k8s.io/v1} ResourceClaimTemplate per role, requesting exactly TP devices of a DeviceClass. */
  DRA
}
