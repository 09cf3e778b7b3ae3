package dev.aiinfra.conformance.validate;

import dev.aiinfra.conformance.Area;
import dev.aiinfra.conformance.AreaConformanceTest;

class ValidateConformanceTest extends AreaConformanceTest {
  @Override
  protected Area area() {
    return new ValidateArea();
  }
}
