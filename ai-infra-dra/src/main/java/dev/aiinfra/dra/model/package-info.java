/** Immutable value types (the typed builders) for Dynamic Resource Allocation: DeviceClass, ResourceClaim, ResourceClaimTemplate, ResourceSlice and the offline structured allocator. */
@AiInfraStyle
package dev.aiinfra.dra.model;

import dev.aiinfra.core.model.AiInfraStyle;
