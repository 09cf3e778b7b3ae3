/**
 * Thin adapters to a real cluster through the fabric8 client: server-side apply of a manifest
 * bundle with per-object outcomes, and reading a cluster snapshot for the offline policies.
 */
@AiInfraStyle
package dev.aiinfra.core.cluster;

import dev.aiinfra.core.model.AiInfraStyle;
