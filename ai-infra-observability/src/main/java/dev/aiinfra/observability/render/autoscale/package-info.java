/**
 * Autoscaling wired to the cluster: a KEDA {@code keda.sh/v1alpha1} ScaledObject with Prometheus
 * triggers and the HPA behaviour the SLO autoscaler derives, or prometheus-adapter rules that
 * expose the same signals to a plain HorizontalPodAutoscaler.
 */
package dev.aiinfra.observability.render.autoscale;
