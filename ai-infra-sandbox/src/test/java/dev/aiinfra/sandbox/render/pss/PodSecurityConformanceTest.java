package dev.aiinfra.sandbox.render.pss;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiinfra.core.read.ManifestReader;
import dev.aiinfra.core.read.SourcedObject;
import dev.aiinfra.core.shared.SharedData;
import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import dev.aiinfra.sandbox.model.pss.PodSecurityVersion;
import dev.aiinfra.sandbox.policy.pss.PodSecurityViolation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The upstream Pod Security Admission fixtures for policy v1.37 ({@code ../shared/conformance/pss}):
 * every fixture's verdict at its folder's level, and the failing check IDs at both levels.
 */
class PodSecurityConformanceTest {
  private static final PodSecurityVersion V1_37 = PodSecurityVersion.parse("v1.37").orElseThrow();

  @TestFactory
  Stream<DynamicTest> every_fixture_gets_the_upstream_verdict_and_failing_checks() throws IOException {
    Path root = SharedData.require("conformance/pss");
    JsonNode expectations = new ObjectMapper().readTree(root.resolve("expectations.json").toFile());
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode f : expectations.path("fixtures")) {
      String file = f.path("file").asText();
      tests.add(DynamicTest.dynamicTest(file, () -> {
        List<SourcedObject> objects = ManifestReader.withDefaults().read(List.of(root.resolve("v1.37").resolve(file).toString()));
        assertThat(objects).hasSize(1);
        for (PodSecurityVersion version : List.of(V1_37, PodSecurityVersion.latest())) {
          ObjectReview review = PodSecurityReviews.review(objects.get(0).object(), version);
          PodSecurityLevel upstreamLevel = PodSecurityLevel.parse(f.path("upstream").path("level").asText()).orElseThrow();
          assertThat(review.allowed(upstreamLevel)).as("%s at %s", upstreamLevel, version).isEqualTo(f.path("upstream").path("allowed").asBoolean());
          for (PodSecurityLevel level : List.of(PodSecurityLevel.BASELINE, PodSecurityLevel.RESTRICTED)) {
            JsonNode derived = f.path("derived").path(level.label());
            List<String> expected = new ArrayList<>();
            derived.path("failingChecks").forEach(n -> expected.add(n.asText()));
            assertThat(review.violations(level)).extracting(PodSecurityViolation::check).as("%s at %s", level, version).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(review.allowed(level)).isEqualTo(derived.path("allowed").asBoolean());
          }
        }
      }));
    }
    assertThat(tests).hasSize(148);
    return tests.stream();
  }
}
