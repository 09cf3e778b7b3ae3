/** Pure, deterministic policies over the model for LLM serving: LeaderWorkerSet, prefill/decode planning, disaggregated deployments, autoscaling policy. */
@AiInfraStyle
package dev.aiinfra.serving.policy;

import dev.aiinfra.core.model.AiInfraStyle;
