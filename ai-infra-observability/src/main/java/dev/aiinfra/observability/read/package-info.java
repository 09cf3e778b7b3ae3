/**
 * Reading observability inputs from Kubernetes manifests: the workloads to monitor (JobSet,
 * LeaderWorkerSet, StatefulSet, Indexed Job, DisaggregatedSet, Sandbox, Deployment) and the serving
 * workloads among them, with their role and engine.
 */
package dev.aiinfra.observability.read;
