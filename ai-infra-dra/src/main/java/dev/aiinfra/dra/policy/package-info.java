/** Pure, deterministic policies over the model for Dynamic Resource Allocation: DeviceClass, ResourceClaim, ResourceClaimTemplate, ResourceSlice and the offline structured allocator. */
@AiInfraStyle
package dev.aiinfra.dra.policy;

import dev.aiinfra.core.model.AiInfraStyle;
