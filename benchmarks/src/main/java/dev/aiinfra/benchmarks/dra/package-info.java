/** DRA allocator benchmarks: the scheduler_perf shape, aligned GPU/NIC pairs, CEL capacity selectors. */
package dev.aiinfra.benchmarks.dra;
