package dev.aiinfra.conformance.apiserver.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aiinfra.conformance.Case;
import dev.aiinfra.conformance.JavaSide;
import dev.aiinfra.conformance.Outcome;
import dev.aiinfra.conformance.apiserver.ApiServer;
import dev.aiinfra.conformance.apiserver.ApiServerSummary;
import dev.aiinfra.conformance.apiserver.RealApiServer;
import dev.aiinfra.core.json.Json;
import dev.aiinfra.core.model.validation.NameRules;
import dev.aiinfra.core.render.validation.ValidationGenerators;
import dev.aiinfra.testing.Gen;
import dev.aiinfra.testing.Seeds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ai-infra validate} agrees with a real kube-apiserver: a seeded corpus of mutated objects
 * (the VALIDATE generator's families: names, generateName, namespaces, labels and annotations,
 * container names and images, ports and host ports, env names, resource names and quantities,
 * requests against limits, pull and termination-message policies, restart policy per owner, DNS
 * policy and config, probes, volumes and volume mounts, pod-template metadata) is created with
 * {@code dryRun=All} and {@code fieldValidation=Strict}, and each object's verdict, field paths and
 * error types must equal {@code validate}'s, or be a named divergence; every object of a valid
 * corpus passes both. Counts: {@code -Dai-infra.apiserver.validate.invalid=N},
 * {@code -Dai-infra.apiserver.validate.valid=N}; {@code -Dai-infra.seed.base=N} explores other seeds.
 */
@RealApiServer
class ValidateAgreementApiServerTest {
  private static final int INVALID = Integer.getInteger("ai-infra.apiserver.validate.invalid", 1000);
  private static final int VALID = Integer.getInteger("ai-infra.apiserver.validate.valid", 300);
  private static final Map<ObjectAgreement, Integer> INVALID_COUNTS = new EnumMap<>(ObjectAgreement.class);
  /** The valid corpus' warnings, quoted values elided, with how often each came. */
  private static final Map<String, Integer> WARNINGS = new java.util.TreeMap<>();
  private static final int[] VALID_COUNTS = new int[3]; // objects, passing both, warnings
  /** The valid corpus draws other objects than the ones the mutated corpus starts from. */
  private static final long VALID_SALT = 0x7A11D;
  private static volatile String serverVersion = "";

  private final Set<String> namespaces = new HashSet<>();

  @Test
  void validate_gives_the_servers_verdict_field_paths_and_error_types_on_mutated_objects(ApiServer server) {
    serverVersion = server.version();
    List<String> disagreements = new ArrayList<>();
    run(server, ValidationGenerators.mutatedObject(), INVALID, "mutated", 0, (seed, object, ours, answer) -> {
      ObjectAgreement a = ObjectAgreement.of(ours, answer, DryRunCreate.namespaceOf(object));
      INVALID_COUNTS.merge(a, 1, Integer::sum);
      if (a == ObjectAgreement.DISAGREE) {
        disagreements.add(reproducer("mutated", seed, object, ours, answer));
      }
    });
    assertThat(disagreements).as("objects where validate and the API server disagree (reproducers under %s)", outDir()).isEmpty();
  }

  @Test
  void every_object_of_the_valid_corpus_passes_both(ApiServer server) {
    serverVersion = server.version();
    List<String> failures = new ArrayList<>();
    run(server, ValidationGenerators.validObject(), VALID, "valid", VALID_SALT, (seed, object, ours, answer) -> {
      VALID_COUNTS[0]++;
      VALID_COUNTS[2] += answer.warnings().size();
      answer.warnings().forEach(w -> WARNINGS.merge(w.replaceAll("\"[^\"]*\"|\\d+", "…"), 1, Integer::sum));
      if (answer.accepted() && ours.exit() == 0) {
        VALID_COUNTS[1]++;
      } else {
        failures.add(reproducer("valid", seed, object, ours, answer));
      }
    });
    assertThat(failures).as("valid objects refused by the API server or by validate (reproducers under %s)", outDir()).isEmpty();
  }

  private interface Check {
    void accept(long seed, Map<String, Object> object, Outcome ours, DryRunCreate.Answer server);
  }

  private void run(ApiServer server, Gen<Map<String, Object>> gen, int count, String corpus, long salt, Check check) {
    DryRunCreate dryRun = new DryRunCreate(server.client());
    Path scratch = outDir().resolve("scratch-" + corpus);
    Seeds.of(count).forEach(seed -> {
      Map<String, Object> object = gen.next(Seeds.random(seed ^ salt));
      String ns = DryRunCreate.namespaceOf(object);
      // Only a namespace that can exist is created: the server has no controller to make the
      // default ServiceAccount, which the ServiceAccount admission plugin needs for a Pod.
      if (!object.get("kind").equals("Namespace") && NameRules.dns1123Label(ns).isEmpty() && namespaces.add(ns)) {
        server.ensureNamespace(ns);
      }
      check.accept(seed, object, ours(object, seed, scratch), dryRun.create(object));
    });
    if (Files.isDirectory(scratch)) {
      deleteTree(scratch);
    }
  }

  /** {@code ai-infra validate -f object.json -o json}, in this process. */
  private static Outcome ours(Map<String, Object> object, long seed, Path scratch) {
    Case c = Case.of(Long.toString(seed), seed, List.of("validate", "-f", "object.json", "-o", "json"), "object.json", json(object));
    Path dir = scratch.resolve(c.id());
    c.writeTo(dir);
    Outcome o = JavaSide.run(c, dir);
    deleteTree(dir);
    return o;
  }

  private static String reproducer(String corpus, long seed, Map<String, Object> object, Outcome ours, DryRunCreate.Answer server) {
    Path file = outDir().resolve(corpus + "-" + Long.toUnsignedString(seed) + ".txt");
    String text = "seed: " + seed + " (replay: -Dai-infra.seed=" + seed + ")\nobject: " + json(object)
        + "\nvalidate: exit " + ours.exit() + " " + (ours.exit() > 1 ? ours.stderr() : ObjectAgreement.violations(ours.json().path("objects").path(0)))
        + "\nserver: HTTP " + server.status() + " " + server.reason() + " " + server.violations() + "\n  " + server.message()
        + "\n  warnings: " + server.warnings() + "\n";
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file.toString();
  }

  @AfterAll
  static void summary() {
    if (serverVersion.isEmpty()) {
      return;
    }
    int total = INVALID_COUNTS.values().stream().mapToInt(Integer::intValue).sum() + VALID_COUNTS[0];
    int agree = INVALID_COUNTS.getOrDefault(ObjectAgreement.AGREE, 0) + VALID_COUNTS[1];
    String named = INVALID_COUNTS.entrySet().stream()
        .filter(e -> e.getKey() != ObjectAgreement.AGREE && e.getKey() != ObjectAgreement.DISAGREE)
        .map(e -> e.getKey().divergenceName() + "=" + e.getValue()).collect(Collectors.joining(", ", "{", "}"));
    int namedCount = INVALID_COUNTS.entrySet().stream()
        .filter(e -> e.getKey() != ObjectAgreement.AGREE && e.getKey() != ObjectAgreement.DISAGREE)
        .mapToInt(Map.Entry::getValue).sum();
    ApiServerSummary.append(String.format(
        "VALIDATE-AGREEMENT: %d/%d objects agree on verdict, field paths and error types (named divergences %d %s,"
            + " disagreements %d); valid corpus %d/%d pass both, %d server warnings (%s) (server %s, seed base %s)",
        agree, total, namedCount, named, INVALID_COUNTS.getOrDefault(ObjectAgreement.DISAGREE, 0),
        VALID_COUNTS[1], VALID_COUNTS[0], VALID_COUNTS[2], warningsFile(), serverVersion,
        Long.getLong("ai-infra.seed.base", Seeds.DEFAULT_BASE)));
  }

  /** Writes the valid corpus' warnings, one kind a line with its count; returns where. */
  private static String warningsFile() {
    Path file = outDir().resolve("warnings.txt");
    String text = WARNINGS.entrySet().stream().map(e -> e.getValue() + "\t" + e.getKey()).collect(Collectors.joining("\n", "", "\n"));
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "kinds in " + ApiServerSummary.outputDir().relativize(file);
  }

  private static Path outDir() {
    return ApiServerSummary.outputDir().resolve("validate-agreement");
  }

  private static String json(Map<String, Object> object) {
    try {
      return Json.mapper().writeValueAsString(object);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
