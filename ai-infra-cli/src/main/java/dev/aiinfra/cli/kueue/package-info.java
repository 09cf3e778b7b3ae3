/** {@code ai-infra kueue}: Kueue objects for a cluster ({@code kueue recipe}). */
package dev.aiinfra.cli.kueue;
