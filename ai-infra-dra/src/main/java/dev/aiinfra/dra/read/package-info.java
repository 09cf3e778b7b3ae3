/**
 * Readers of the DRA module: {@code resource.k8s.io} objects into the DRA part of the one cluster
 * model ({@link dev.aiinfra.dra.read.ClusterDevicesReader}).
 */
package dev.aiinfra.dra.read;
