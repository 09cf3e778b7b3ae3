/** Pod DNS read from and written to any pod template, and ndots tuning of a whole bundle. */
package dev.aiinfra.core.render.dns;
