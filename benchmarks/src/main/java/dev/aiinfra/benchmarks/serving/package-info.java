/** Benchmarks of the prefill/decode planner and the autoscaler. */
package dev.aiinfra.benchmarks.serving;
