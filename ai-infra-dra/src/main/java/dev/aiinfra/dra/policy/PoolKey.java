package dev.aiinfra.dra.policy;

/**
 * A resource pool's identity. Counters are keyed by this pair, not by the pool name alone as
 * upstream does (see {@link DeviceAllocator}).
 */
record PoolKey(String driver, String pool) implements Comparable<PoolKey> {
  @Override
  public int compareTo(PoolKey o) {
    int c = driver.compareTo(o.driver);
    return c != 0 ? c : pool.compareTo(o.pool);
  }

  @Override
  public String toString() {
    return driver + "/" + pool;
  }
}
