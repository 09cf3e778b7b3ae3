package dev.aiinfra.conformance.dns;

import dev.aiinfra.conformance.Area;
import dev.aiinfra.conformance.AreaConformanceTest;

class DnsConfigConformanceTest extends AreaConformanceTest {
  @Override
  protected Area area() {
    return new DnsConfigArea();
  }
}
