/**
 * The edge of the DRA module: renders the value types as {@code resource.k8s.io/v1} objects, reads
 * them back from manifests (every violation reported with file, document and field), wires claims
 * into pod templates, and ships recipes for common GPU and NIC layouts.
 */
@AiInfraStyle
package dev.aiinfra.dra.render;

import dev.aiinfra.core.model.AiInfraStyle;
