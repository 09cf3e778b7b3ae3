package dev.aiinfra.dra.policy;

import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.profile.FeatureGate;

/**
 * The allocator features kube-scheduler derives from feature gates ({@code AllocatorFeatures()}):
 * binding conditions need both DRADeviceBindingConditions and DRAResourceClaimDeviceStatus.
 */
public record AllocatorFeatures(
    boolean adminAccess,
    boolean prioritizedList,
    boolean partitionableDevices,
    boolean deviceTaints,
    boolean deviceBindingAndStatus,
    boolean consumableCapacity) {

  public static AllocatorFeatures of(ClusterProfile profile) {
    return new AllocatorFeatures(
        profile.isEnabled(FeatureGate.DRAAdminAccess),
        profile.isEnabled(FeatureGate.DRAPrioritizedList),
        profile.isEnabled(FeatureGate.DRAPartitionableDevices),
        profile.isEnabled(FeatureGate.DRADeviceTaints),
        profile.isEnabled(FeatureGate.DRADeviceBindingConditions) && profile.isEnabled(FeatureGate.DRAResourceClaimDeviceStatus),
        profile.isEnabled(FeatureGate.DRAConsumableCapacity));
  }

  /** Every feature on (the 1.36+ default set). */
  public static AllocatorFeatures all() {
    return new AllocatorFeatures(true, true, true, true, true, true);
  }
}
