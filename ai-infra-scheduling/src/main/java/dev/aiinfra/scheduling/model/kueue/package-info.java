/**
 * Typed values for the objects of a Kueue installation ({@code kueue.x-k8s.io/v1beta2}):
 * ResourceFlavor, Topology (the scheduling model's {@link dev.aiinfra.scheduling.model.Topology}),
 * ClusterQueue, LocalQueue, Cohort and WorkloadPriorityClass. Values hold what the user wrote, as
 * the API would store it; {@code dev.aiinfra.scheduling.policy.kueue.KueueValidation} checks them as
 * Kueue's admission webhooks and CRD rules do, with a stable code per rule.
 */
@AiInfraStyle
package dev.aiinfra.scheduling.model.kueue;

import dev.aiinfra.core.model.AiInfraStyle;
