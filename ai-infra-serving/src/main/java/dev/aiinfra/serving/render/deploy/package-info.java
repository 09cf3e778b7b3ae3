/**
 * Renders a {@link dev.aiinfra.serving.model.deploy.ServingDeployment}: llm-d-style dual
 * LeaderWorkerSets with an InferencePool, an LWS DisaggregatedSet, or llmaz OpenModel + Playground,
 * with GPUs as {@code nvidia.com/gpu} or DRA claim templates; and a planner's result as one.
 */
package dev.aiinfra.serving.render.deploy;
