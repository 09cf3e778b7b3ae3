/** Immutable value types (the typed builders) for observability: pod-index-aware selectors, PodMonitor/ServiceMonitor/PrometheusRule builders, SLO rules. */
@AiInfraStyle
package dev.aiinfra.observability.model;

import dev.aiinfra.core.model.AiInfraStyle;
