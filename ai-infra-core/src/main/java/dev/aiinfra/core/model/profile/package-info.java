/**
 * The cluster a manifest targets: Kubernetes version, feature gates with their per-release
 * defaults, and container runtime versions. Renderers choose API versions from it; validators warn
 * when a needed gate is off.
 */
@AiInfraStyle
package dev.aiinfra.core.model.profile;

import dev.aiinfra.core.model.AiInfraStyle;
