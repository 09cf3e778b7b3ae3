/** Implementation detail of the scheduling readers; not for use outside {@code dev.aiinfra.scheduling.read}. */
package dev.aiinfra.scheduling.read.internal;
