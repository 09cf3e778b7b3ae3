/** Small runnable programs, one per use case, each printing YAML and an evaluation. */
package dev.aiinfra.examples;
