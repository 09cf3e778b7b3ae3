/**
 * Prometheus Operator scrape values: {@link dev.aiinfra.observability.model.monitor.MonitorSpec}
 * (a {@code PodMonitor} or {@code ServiceMonitor}, monitoring.coreos.com/v1), its {@link
 * dev.aiinfra.observability.model.monitor.ScrapeEndpoint}s and their {@link
 * dev.aiinfra.observability.model.monitor.Relabeling}s.
 */
@AiInfraStyle
package dev.aiinfra.observability.model.monitor;

import dev.aiinfra.core.model.AiInfraStyle;
