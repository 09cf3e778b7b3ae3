/**
 * Implementation detail of {@code dev.aiinfra.core.read}: YAML and JSON text to Jackson trees within
 * limits, in linear time; other modules must not import it.
 */
package dev.aiinfra.core.read.internal;
