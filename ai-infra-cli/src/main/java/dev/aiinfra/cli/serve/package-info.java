/** {@code ai-infra serve}: LLM serving deployments from a plan. */
package dev.aiinfra.cli.serve;
