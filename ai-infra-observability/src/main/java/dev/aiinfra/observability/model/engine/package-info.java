/**
 * The LLM-serving engine in use (vLLM, SGLang, TensorRT-LLM with the Dynamo frontend), the signals
 * the serving SLOs and autoscalers read from its metrics (catalogued in {@code model.metrics}), and
 * the label names they select by.
 */
@AiInfraStyle
package dev.aiinfra.observability.model.engine;

import dev.aiinfra.core.model.AiInfraStyle;
