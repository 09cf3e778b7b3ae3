/**
 * Typed pod templates for the workloads ai-infra renders: containers with resources and in-place
 * restart rules (KEP-5307, KEP-5532), tolerations, node selection, and raw extra fields for
 * everything else.
 */
@AiInfraStyle
package dev.aiinfra.core.model.workload;

import dev.aiinfra.core.model.AiInfraStyle;
