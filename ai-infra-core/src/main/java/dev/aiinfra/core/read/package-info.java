/**
 * The reader seam of ai-infra-core: Kubernetes YAML or JSON from files, folders or standard input
 * ({@code -f FILE|DIR|-}), or a {@code snapshot} of a live cluster, becomes fabric8 objects within
 * {@link dev.aiinfra.core.read.ReadLimits} and then the typed models ({@link
 * dev.aiinfra.core.read.ClusterModelReader} fills the one cluster model); every problem is an
 * {@link dev.aiinfra.core.read.InputError} naming file, document, field and rule. Readers sit above
 * {@code render}: they may use its knowledge of objects (pod templates, tree binding, the manifest
 * bundle), while renderers never use a reader. Each module's own readers (DRA objects, gang
 * placement input, the PD catalog, Pod Security and cgroup input) live in its {@code read} package
 * and build on this one.
 */
package dev.aiinfra.core.read;
