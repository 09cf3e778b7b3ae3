package dev.aiinfra.dra.policy;

import java.util.Map;

/**
 * {@code device.attributes} and {@code device.capacity} as CEL sees them: a map from domain to a
 * map from id to value, where an unknown domain indexes to an empty map (so
 * {@code device.attributes["other.io"].x} is a missing-key error, not a missing-domain one) while
 * {@code "other.io" in device.attributes} stays false.
 */
final class DeviceDomains {
  private final Map<String, Map<String, Object>> byDomain;

  DeviceDomains(Map<String, Map<String, Object>> byDomain) {
    this.byDomain = byDomain;
  }

  Map<String, Object> get(String domain) {
    return byDomain.getOrDefault(domain, Map.of());
  }

  boolean has(String domain) {
    return byDomain.containsKey(domain);
  }

  @Override
  public String toString() {
    return byDomain.toString();
  }
}
