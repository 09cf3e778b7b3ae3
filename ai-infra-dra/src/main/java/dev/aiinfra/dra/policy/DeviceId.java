package dev.aiinfra.dra.policy;

/**
 * A device's identity across the cluster: driver, pool and device name, as in allocation results.
 * The hash is computed once and mixed, since allocated-device sets hold thousands of ids whose
 * names differ only in a numeric suffix.
 */
public final class DeviceId {
  private final String driver;
  private final String pool;
  private final String device;
  private final int hash;

  public DeviceId(String driver, String pool, String device) {
    this.driver = driver;
    this.pool = pool;
    this.device = device;
    long h = driver.hashCode();
    h = h * 0x9E3779B97F4A7C15L + pool.hashCode();
    h = h * 0x9E3779B97F4A7C15L + device.hashCode();
    h ^= h >>> 29;
    this.hash = (int) (h ^ (h >>> 32));
  }

  public String driver() {
    return driver;
  }

  public String pool() {
    return pool;
  }

  public String device() {
    return device;
  }

  @Override
  public boolean equals(Object o) {
    return this == o || o instanceof DeviceId d && d.hash == hash && d.device.equals(device) && d.pool.equals(pool) && d.driver.equals(driver);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return driver + "/" + pool + "/" + device;
  }
}
