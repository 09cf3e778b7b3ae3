/**
 * The reader seam of the DRA module: {@code resource.k8s.io} objects (DeviceClass, ResourceClaim,
 * ResourceClaimTemplate, ResourceSlice; {@code v1}, and {@code v1beta2}/{@code v1beta1} converted as
 * the API server converts them) plus Pods and Nodes, read from manifests into the DRA value types
 * for the allocator and into the DRA part of the one cluster model ({@link
 * dev.aiinfra.dra.read.ClusterDevicesReader}), every violation reported with file, document and
 * field; and the same rules as an {@code ObjectRule} for {@code validate}. Builds on {@code
 * dev.aiinfra.core.read}.
 */
@AiInfraStyle
package dev.aiinfra.dra.read;

import dev.aiinfra.core.model.AiInfraStyle;
