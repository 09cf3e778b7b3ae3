package dev.aiinfra.conformance.pss;

import dev.aiinfra.conformance.Area;
import dev.aiinfra.conformance.AreaConformanceTest;

class PssCheckConformanceTest extends AreaConformanceTest {
  @Override
  protected Area area() {
    return new PssCheckArea();
  }
}
