/** Pure, deterministic policies over the model for observability: pod-index-aware selectors, PodMonitor/ServiceMonitor/PrometheusRule builders, SLO rules. */
@AiInfraStyle
package dev.aiinfra.observability.policy;

import dev.aiinfra.core.model.AiInfraStyle;
