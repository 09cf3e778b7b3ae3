package dev.aiinfra.conformance.cgroup;

import dev.aiinfra.conformance.Area;
import dev.aiinfra.conformance.AreaConformanceTest;

class CgroupConvertConformanceTest extends AreaConformanceTest {
  @Override
  protected Area area() {
    return new CgroupConvertArea();
  }
}
