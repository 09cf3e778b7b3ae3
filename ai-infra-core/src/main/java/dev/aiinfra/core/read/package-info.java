/**
 * Readers: Kubernetes objects (YAML, JSON, a {@code snapshot} of a live cluster) into the typed
 * models, with every problem named by file, document and field path. {@link
 * dev.aiinfra.core.read.ClusterModelReader} fills the one cluster model.
 */
package dev.aiinfra.core.read;
