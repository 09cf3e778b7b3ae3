/**
 * Prometheus rule values: {@link dev.aiinfra.observability.model.rules.AlertRule}, {@link
 * dev.aiinfra.observability.model.rules.RecordingRule}, {@link
 * dev.aiinfra.observability.model.rules.RuleGroup} and the {@link
 * dev.aiinfra.observability.model.rules.RuleSet} that becomes one Prometheus Operator {@code
 * PrometheusRule} (monitoring.coreos.com/v1) or one promtool rule file.
 */
@AiInfraStyle
package dev.aiinfra.observability.model.rules;

import dev.aiinfra.core.model.AiInfraStyle;
