/**
 * The Prometheus triggers of an {@code AutoscalerSpec}: queue depth per replica, KV-cache
 * utilisation, TTFT and TPOT against their SLOs, with the same start-up headroom the SLO
 * autoscaler and its HPA apply, and what KEDA or the HPA cannot express. Pure and deterministic.
 */
@AiInfraStyle
package dev.aiinfra.observability.policy.autoscale;

import dev.aiinfra.core.model.AiInfraStyle;
