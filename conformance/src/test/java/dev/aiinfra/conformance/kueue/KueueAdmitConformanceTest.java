package dev.aiinfra.conformance.kueue;

import dev.aiinfra.conformance.Area;
import dev.aiinfra.conformance.AreaConformanceTest;

class KueueAdmitConformanceTest extends AreaConformanceTest {
  @Override
  protected Area area() {
    return new KueueAdmitArea();
  }
}
