/** Immutable value types (the typed builders) for LLM serving: LeaderWorkerSet, prefill/decode planning, disaggregated deployments, autoscaling policy. */
@AiInfraStyle
package dev.aiinfra.serving.model;

import dev.aiinfra.core.model.AiInfraStyle;
