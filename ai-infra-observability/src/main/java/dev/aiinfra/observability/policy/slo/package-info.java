/**
 * Serving SLO rules: per-role latency quantiles, queue depth and KV-cache utilisation recordings,
 * SLI error ratios over the SRE Workbook windows, and multi-window multi-burn-rate alerts with the
 * SLA's thresholds, for the engine in use. Pure and deterministic.
 */
@AiInfraStyle
package dev.aiinfra.observability.policy.slo;

import dev.aiinfra.core.model.AiInfraStyle;
