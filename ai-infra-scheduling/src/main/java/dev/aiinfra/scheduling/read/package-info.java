/**
 * The reader seam of gang scheduling: the objects given to {@code gang place} (Nodes, bound and
 * pending Pods, Workload/PodGroup, Kueue Topology, and the Jobs, JobSets, LeaderWorkerSets and
 * StatefulSets that expand to pods) become placement inputs, every problem reported with file,
 * document and field; the same gangs straight from a {@code GangSpec} and a {@code JobSetSpec}
 * ({@link dev.aiinfra.scheduling.read.GangPlacementInput}, no YAML in between); and the same
 * requirements as an {@code ObjectRule} for {@code validate}. Builds on {@code
 * dev.aiinfra.core.read}.
 */
package dev.aiinfra.scheduling.read;
