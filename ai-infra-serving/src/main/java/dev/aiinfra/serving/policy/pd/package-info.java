/**
 * The prefill/decode planner: a table-free roofline of prefill, decode steps, tensor-parallel
 * all-reduce and KV transfer, and the aggregated vs disaggregated (xPyD) search AIConfigurator
 * runs on top of its measured tables. Pure and deterministic.
 */
@AiInfraStyle
package dev.aiinfra.serving.policy.pd;

import dev.aiinfra.core.model.AiInfraStyle;
