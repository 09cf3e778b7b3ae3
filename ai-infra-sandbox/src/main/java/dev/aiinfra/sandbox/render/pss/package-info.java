/**
 * Reads what the Pod Security checks need from Kubernetes objects: every pod template of Pods,
 * core workloads and the CRD-backed kinds ai-infra knows (JobSet, LeaderWorkerSet, Sandbox, …).
 */
package dev.aiinfra.sandbox.render.pss;
