/**
 * What an autoscaler scales and the Prometheus signals it reads: the scale target (a
 * LeaderWorkerSet's or Deployment's {@code /scale} subresource) and one trigger per signal of an
 * {@code AutoscalerSpec}, as KEDA's Prometheus scaler and prometheus-adapter consume them.
 */
@AiInfraStyle
package dev.aiinfra.observability.model.autoscale;

import dev.aiinfra.core.model.AiInfraStyle;
