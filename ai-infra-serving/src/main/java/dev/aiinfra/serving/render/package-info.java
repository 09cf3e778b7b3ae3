/** Model to fabric8 objects and back for LLM serving: LeaderWorkerSet, prefill/decode planning, disaggregated deployments, autoscaling policy. */
package dev.aiinfra.serving.render;
