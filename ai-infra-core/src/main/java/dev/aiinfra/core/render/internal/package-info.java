/** Implementation detail of {@code dev.aiinfra.core.render}; other modules must not import it. */
package dev.aiinfra.core.render.internal;
