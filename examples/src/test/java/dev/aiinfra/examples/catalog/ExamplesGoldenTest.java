package dev.aiinfra.examples.catalog;

import dev.aiinfra.core.golden.Golden;
import dev.aiinfra.examples.Example;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/** Every example's YAML is pinned in {@code golden/examples/NAME.yaml} ({@code -Dai-infra.golden.update=true} rewrites them). */
class ExamplesGoldenTest {
  @TestFactory
  Stream<DynamicTest> every_example_renders_its_golden_yaml() {
    return Examples.all().stream().map(e -> DynamicTest.dynamicTest(e.name(), () -> Golden.assertMatches(file(e), e.build().toYaml())));
  }

  static String file(Example e) {
    return "examples/" + e.name() + ".yaml";
  }
}
