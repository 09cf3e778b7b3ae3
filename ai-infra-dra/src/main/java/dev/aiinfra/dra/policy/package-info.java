/**
 * The offline structured allocator of Dynamic Resource Allocation (KEP-4381) with its CEL
 * environment: pure, deterministic, in the 1.36+ search order.
 */
@AiInfraStyle
package dev.aiinfra.dra.policy;

import dev.aiinfra.core.model.AiInfraStyle;
