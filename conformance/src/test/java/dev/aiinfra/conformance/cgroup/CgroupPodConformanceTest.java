package dev.aiinfra.conformance.cgroup;

import dev.aiinfra.conformance.Area;
import dev.aiinfra.conformance.AreaConformanceTest;

class CgroupPodConformanceTest extends AreaConformanceTest {
  @Override
  protected Area area() {
    return new CgroupPodArea();
  }
}
