/**
 * The reader seam of gang scheduling: the objects given to {@code gang place} (Nodes, bound and
 * pending Pods, Workload/PodGroup, Kueue Topology, and the Jobs, JobSets, LeaderWorkerSets and
 * StatefulSets that expand to pods) become placement inputs, every problem reported with file,
 * document and field; and the same requirements as an {@code ObjectRule} for {@code validate}.
 * Builds on {@code dev.aiinfra.core.read}.
 */
package dev.aiinfra.scheduling.read;
