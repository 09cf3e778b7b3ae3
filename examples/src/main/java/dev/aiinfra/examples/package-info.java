/**
 * Small runnable programs, one per use case, each printing YAML and an evaluation; {@link
 * dev.aiinfra.examples.Example} is how each exposes its objects to {@code ai-infra render} and
 * {@code ai-infra demo} (see {@code dev.aiinfra.examples.catalog}).
 */
package dev.aiinfra.examples;
