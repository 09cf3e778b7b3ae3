/**
 * Kubernetes quantities ({@code 500m}, {@code 1.5Gi}, {@code 2e3}) with exact arithmetic, and
 * resource lists such as {@code {cpu: 4, memory: 16Gi, nvidia.com/gpu: 8}} that add, subtract and
 * compare by value.
 */
@AiInfraStyle
package dev.aiinfra.core.model.quantity;

import dev.aiinfra.core.model.AiInfraStyle;
