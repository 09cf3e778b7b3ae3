/**
 * Serving service-level objectives: the latency thresholds of a {@code ServingSla} as SLIs over the
 * engine's histograms, the objective, and the multi-window multi-burn-rate alerting windows of the
 * Google SRE Workbook ("Alerting on SLOs").
 */
@AiInfraStyle
package dev.aiinfra.observability.model.slo;

import dev.aiinfra.core.model.AiInfraStyle;
