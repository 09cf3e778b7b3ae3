package dev.aiinfra.conformance.cgroup;

import dev.aiinfra.conformance.Area;
import dev.aiinfra.conformance.AreaConformanceTest;

class CgroupQosConformanceTest extends AreaConformanceTest {
  @Override
  protected Area area() {
    return new CgroupQosArea();
  }
}
