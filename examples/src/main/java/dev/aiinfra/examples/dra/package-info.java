/** Dynamic Resource Allocation examples: aligned GPU and NIC claims checked by the offline allocator. */
package dev.aiinfra.examples.dra;
