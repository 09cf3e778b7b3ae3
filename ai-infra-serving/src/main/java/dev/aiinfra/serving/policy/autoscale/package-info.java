/**
 * An SLO-aware autoscaler for inference servers: several signals, start-up-aware scale-up,
 * cooldown and stabilisation before scale-down, bounded steps; pure, and replayable over a metric
 * series.
 */
@AiInfraStyle
package dev.aiinfra.serving.policy.autoscale;

import dev.aiinfra.core.model.AiInfraStyle;
