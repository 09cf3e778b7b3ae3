/**
 * The metrics the SDK's rules read, as typed constants per exporter ({@link
 * dev.aiinfra.observability.model.metrics.DcgmMetrics}, {@link
 * dev.aiinfra.observability.model.metrics.KubeStateMetrics}, {@link
 * dev.aiinfra.observability.model.metrics.SchedulerMetrics}, {@link
 * dev.aiinfra.observability.model.metrics.KueueMetrics}, {@link
 * dev.aiinfra.observability.model.metrics.JobSetMetrics}), so a test can check every metric name in
 * every rendered expression against what the exporter exposes.
 */
package dev.aiinfra.observability.model.metrics;
