/**
 * The edge of the DRA module: renders the value types as {@code resource.k8s.io/v1} objects, wires
 * claims into pod templates, and ships recipes for common GPU and NIC layouts. Reading them back
 * from manifests is the reader seam's ({@code dev.aiinfra.dra.read}).
 */
@AiInfraStyle
package dev.aiinfra.dra.render;

import dev.aiinfra.core.model.AiInfraStyle;
