/**
 * The reader seam of ai-infra-core: Kubernetes YAML or JSON from files, folders or standard input
 * ({@code -f FILE|DIR|-}) becomes fabric8 objects within {@link dev.aiinfra.core.read.ReadLimits},
 * and every problem is an {@link dev.aiinfra.core.read.InputError} naming file, document, field and
 * rule. Readers sit above {@code render}: they may use its knowledge of objects (pod templates, tree
 * binding, the manifest bundle), while renderers never use a reader. Each module's own readers
 * (DRA objects, gang placement input, the PD catalog) live in its {@code read} package and build
 * on this one.
 */
package dev.aiinfra.core.read;
