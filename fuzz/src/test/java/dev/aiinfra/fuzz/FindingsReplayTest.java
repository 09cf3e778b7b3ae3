package dev.aiinfra.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays {@code fuzz/findings/<Class>Inputs/<method>/<KNOWN_FINDING>/*}: inputs of failure classes
 * that are being fixed elsewhere. Each must still show its {@link KnownFinding}; when one no longer
 * does, its fix has landed and this test says where to move it (into the corpus Jazzer replays).
 */
class FindingsReplayTest {
  private static final Path FINDINGS = Path.of(System.getProperty("ai-infra.fuzz.findings", "findings"));
  private static final Path REPLAYED = Path.of("src/test/resources/dev/aiinfra/fuzz");

  private interface Target {
    void check(byte[] data) throws Exception;
  }

  private static final Map<String, Target> TARGETS = Map.of(
      "ManifestReaderFuzzTestInputs/readString", ManifestReaderFuzzTest::check,
      "CommandsFuzzTestInputs/everyCommand", CommandsFuzzTest::check,
      "CatalogReaderFuzzTestInputs/catalog", CatalogReaderFuzzTest::check,
      "PlanFileFuzzTestInputs/planFrom", PlanFileFuzzTest::check);

  @TestFactory
  Stream<DynamicTest> every_kept_finding_still_shows_its_known_class() throws IOException {
    if (!Files.isDirectory(FINDINGS)) {
      return Stream.empty();
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(FINDINGS)) {
      files = walk.filter(Files::isRegularFile).filter(p -> FINDINGS.relativize(p).getNameCount() == 4).sorted().toList();
    }
    return files.stream().map(file -> DynamicTest.dynamicTest(FINDINGS.relativize(file).toString(), () -> replay(file)));
  }

  private static void replay(Path file) throws Exception {
    Path relative = FINDINGS.relativize(file);
    String target = relative.subpath(0, 2).toString().replace('\\', '/');
    KnownFinding expected = KnownFinding.valueOf(relative.getName(2).toString());
    assertThat(TARGETS).as("fuzz target of %s", relative).containsKey(target);
    Findings.drainHit();
    TARGETS.get(target).check(Files.readAllBytes(file));
    Set<KnownFinding> hit = Findings.drainHit();
    assertThat(hit)
        .as("findings/%s no longer shows %s: its fix has landed. Move it to fuzz/%s/%s/ (Jazzer replays it there); when no input of"
            + " that class is left in findings/, delete KnownFinding.%s", relative, expected, REPLAYED, target, expected)
        .contains(expected);
  }
}
