/**
 * Offline gang placement: whether and where gangs fit on a cluster snapshot, with Kueue
 * topology-aware scheduling for Kueue pod sets and the kube-scheduler gang plugin's semantics for
 * native Workload, coscheduling and Volcano gangs. Pure and deterministic.
 */
@AiInfraStyle
package dev.aiinfra.scheduling.policy.placement;

import dev.aiinfra.core.model.AiInfraStyle;
