/** Model to fabric8 objects and back for Dynamic Resource Allocation: DeviceClass, ResourceClaim, ResourceClaimTemplate, ResourceSlice and the offline structured allocator. */
package dev.aiinfra.dra.render;
