package dev.aiinfra.conformance.dra;

import dev.aiinfra.conformance.Area;
import dev.aiinfra.conformance.AreaConformanceTest;

class DraAllocateConformanceTest extends AreaConformanceTest {
  @Override
  protected Area area() {
    return new DraAllocateArea();
  }
}
