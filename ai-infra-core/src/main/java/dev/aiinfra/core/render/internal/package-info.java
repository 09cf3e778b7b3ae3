/**
 * Implementation detail of {@code dev.aiinfra.core.render} (and of core's reader seam, which builds
 * on render); other modules must not import it.
 */
package dev.aiinfra.core.render.internal;
