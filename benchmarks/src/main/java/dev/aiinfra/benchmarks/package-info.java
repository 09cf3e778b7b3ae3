/** JMH benchmarks of ai-infra's policies and renderers; figures go to docs/benchmarks.md. */
package dev.aiinfra.benchmarks;
