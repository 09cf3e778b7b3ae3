package dev.aiinfra.dra.policy;

/** A device's identity across the cluster: driver, pool and device name, as in allocation results. */
public record DeviceId(String driver, String pool, String device) {
  @Override
  public String toString() {
    return driver + "/" + pool + "/" + device;
  }
}
