package dev.aiinfra.core.model.inventory;

/**
 * Cluster state modelled by a module other than core, kept in a {@link Cluster} as one typed part
 * per type: Dynamic Resource Allocation's ResourceSlices, DeviceClasses and allocated
 * ResourceClaims are {@code dev.aiinfra.dra.model.ClusterDevices}. Implementations are immutable
 * values.
 */
public interface ClusterPart {}
