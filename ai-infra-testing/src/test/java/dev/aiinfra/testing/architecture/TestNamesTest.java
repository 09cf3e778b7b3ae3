package dev.aiinfra.testing.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.aiinfra.core.architecture.LayerRules;

/** One test-naming style in this module's tests (see {@link LayerRules#testsAreNamedForTheirBehaviour()}). */
@AnalyzeClasses(packages = "dev.aiinfra.testing", importOptions = ImportOption.OnlyIncludeTests.class)
class TestNamesTest {
  @ArchTest
  static final ArchRule tests_are_named_for_their_behaviour = LayerRules.testsAreNamedForTheirBehaviour();
}
