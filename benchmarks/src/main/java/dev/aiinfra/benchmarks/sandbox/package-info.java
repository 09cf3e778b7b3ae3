/** Benchmarks of the sandbox and node-isolation policies. */
package dev.aiinfra.benchmarks.sandbox;
