/**
 * Inputs of the prefill/decode planner: GPUs and models (the catalogs), precision, serving
 * backend, KV-cache transport, traffic shape, latency SLAs and the roofline's efficiency constants.
 */
@AiInfraStyle
package dev.aiinfra.serving.model.pd;

import dev.aiinfra.core.model.AiInfraStyle;
