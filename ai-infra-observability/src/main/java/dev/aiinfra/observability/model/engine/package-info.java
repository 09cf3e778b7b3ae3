/**
 * The metrics LLM-serving engines expose (vLLM, SGLang, TensorRT-LLM with the Dynamo frontend), as
 * typed constants taken from the observability domain notes (§2), and the signals the serving SLOs
 * and autoscalers read from them.
 */
@AiInfraStyle
package dev.aiinfra.observability.model.engine;

import dev.aiinfra.core.model.AiInfraStyle;
