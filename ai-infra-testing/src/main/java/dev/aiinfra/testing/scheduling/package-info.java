/** Generators for placement inputs: topology-labelled clusters, taints, pod sets and gangs. */
package dev.aiinfra.testing.scheduling;
