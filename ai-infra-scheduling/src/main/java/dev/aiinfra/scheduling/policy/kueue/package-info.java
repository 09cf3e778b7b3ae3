/**
 * Pure decisions over Kueue objects ({@code kueue.x-k8s.io/v1beta2}): validation as Kueue's
 * admission webhooks and CRD rules do it, each broken rule a {@link
 * dev.aiinfra.scheduling.model.SchedulingCode} with its field path.
 */
package dev.aiinfra.scheduling.policy.kueue;
