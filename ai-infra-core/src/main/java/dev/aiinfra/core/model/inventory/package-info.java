/**
 * One immutable model of a cluster, the state every offline policy reads: Nodes (allocatable,
 * labels, taints, conditions, {@code spec.unschedulable}), the Pods bound to them with their
 * effective requests, and the cluster state other modules model, such as Dynamic Resource
 * Allocation's ResourceSlices, DeviceClasses and allocated ResourceClaims (KEP-4381).
 *
 * <p>Scheduling's {@code ClusterState} and {@code PlacementSnapshot} and DRA's {@code DraCluster}
 * are views or indexes built from a {@link dev.aiinfra.core.model.inventory.Cluster} ({@code
 * ClusterState.of(cluster)}, {@code PlacementSnapshot.of(cluster, options)}, {@code
 * DraCluster.of(cluster)}); {@code dev.aiinfra.core.read.ClusterModelReader} is the one reader that
 * fills it, from Kubernetes YAML or from a {@code snapshot} of a live cluster.
 *
 * <p><b>Why DRA objects are a {@link dev.aiinfra.core.model.inventory.ClusterPart}.</b> Core cannot
 * depend on the DRA module, and a {@code model} package may not hold fabric8 objects (DESIGN.md:
 * model and policy use only the JDK, Immutables and ai-infra models). Keeping the raw {@code
 * resource.k8s.io} objects here would mean every DRA view parses them again, and a second, untyped
 * copy of what the DRA module already models. So the DRA module contributes its typed state as one
 * part ({@code dev.aiinfra.dra.model.ClusterDevices}: slices, classes, allocated claims), read once
 * by its part reader and looked up by type with {@link
 * dev.aiinfra.core.model.inventory.Cluster#part(Class)}. Nodes stay in core, so node labels for
 * slice node selectors and node capacity for placement come from the same node.
 *
 * <p>The package is {@code inventory}, not {@code cluster}: {@code cluster} packages are the layer
 * that talks to a live cluster through the client (DESIGN.md), and this is a pure value model.
 */
@AiInfraStyle
package dev.aiinfra.core.model.inventory;

import dev.aiinfra.core.model.AiInfraStyle;
