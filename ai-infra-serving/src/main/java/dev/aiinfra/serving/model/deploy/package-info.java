/**
 * One description of an LLM serving deployment (aggregated, or prefill/decode disaggregated) that
 * renders as llm-d-style dual LeaderWorkerSets with an InferencePool, as an LWS DisaggregatedSet,
 * or as llmaz OpenModel + Playground.
 */
@AiInfraStyle
package dev.aiinfra.serving.model.deploy;

import dev.aiinfra.core.model.AiInfraStyle;
