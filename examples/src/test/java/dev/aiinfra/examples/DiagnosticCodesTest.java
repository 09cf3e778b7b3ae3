package dev.aiinfra.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.CoreCode;
import dev.aiinfra.core.model.DiagnosticCode;
import dev.aiinfra.dra.model.DraCode;
import dev.aiinfra.observability.model.ObservabilityCode;
import dev.aiinfra.sandbox.model.SandboxCode;
import dev.aiinfra.scheduling.model.SchedulingCode;
import dev.aiinfra.serving.model.ServingCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, stable codes: every diagnostic code lives in its module's catalog (an enum implementing
 * {@link DiagnosticCode}, one Javadoc per constant), the main sources use the constants and never a
 * string literal, every constant is used, and {@code docs/codes.md} is generated from the catalogs.
 * Runs here because this module sees every library; it reads the sources from the checkout.
 */
class DiagnosticCodesTest {
  private static final Path ROOT = Path.of("..");
  private static final Path DOC = ROOT.resolve("docs/codes.md");

  /** A module's catalog and the source file it is written in. */
  private record Catalog(String module, Class<? extends Enum<?>> type) {
    Path source() {
      return ROOT.resolve(module).resolve("src/main/java").resolve(type.getName().replace('.', '/') + ".java");
    }

    List<String> codes() {
      return Stream.of(type.getEnumConstants()).map(Enum::name).toList();
    }
  }

  private static final List<Catalog> CATALOGS = List.of(
      new Catalog("ai-infra-core", CoreCode.class),
      new Catalog("ai-infra-scheduling", SchedulingCode.class),
      new Catalog("ai-infra-dra", DraCode.class),
      new Catalog("ai-infra-serving", ServingCode.class),
      new Catalog("ai-infra-sandbox", SandboxCode.class),
      new Catalog("ai-infra-observability", ObservabilityCode.class));

  private static final Pattern CODE_CALL = Pattern.compile("\\.code\\(\\s*\"|Diagnostic\\.(error|warning|info)\\(\\s*\"");
  private static final Pattern STRING = Pattern.compile("\"([A-Z][A-Z0-9_]*)\"");
  private static final Pattern CONSTANT = Pattern.compile("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*([A-Z][A-Z0-9_]*)\\s*[,;}]", Pattern.DOTALL);
  private static final Pattern TYPE_DOC = Pattern.compile("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*public enum", Pattern.DOTALL);

  @Test
  void no_main_source_writes_a_diagnostic_code_as_a_string() {
    Set<String> codes = CATALOGS.stream().flatMap(c -> c.codes().stream()).collect(Collectors.toSet());
    List<String> found = new ArrayList<>();
    for (Path file : mainSources()) {
      List<String> lines = lines(file);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        Matcher literal = STRING.matcher(line);
        boolean codeLiteral = false;
        while (literal.find()) {
          codeLiteral |= codes.contains(literal.group(1));
        }
        if (CODE_CALL.matcher(line).find() || codeLiteral) {
          found.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + line.trim());
        }
      }
    }
    assertThat(found).as("diagnostic codes written as strings; use the module's catalog constant").isEmpty();
  }

  @Test
  void every_catalog_code_is_used_by_a_main_source() {
    Map<Path, String> sources = new LinkedHashMap<>();
    for (Path file : mainSources()) {
      sources.put(file, String.join("\n", lines(file)));
    }
    List<String> unused = new ArrayList<>();
    for (Catalog catalog : CATALOGS) {
      for (String code : catalog.codes()) {
        // Qualified use (SchedulingCode.GATE_OFF): a mention in a comment or in the catalog itself does not count.
        Pattern use = Pattern.compile("\\b" + catalog.type().getSimpleName() + "\\." + code + "\\b");
        boolean used = sources.entrySet().stream()
            .anyMatch(e -> !e.getKey().normalize().equals(catalog.source().normalize()) && use.matcher(e.getValue()).find());
        if (!used) {
          unused.add(catalog.type().getSimpleName() + "." + code);
        }
      }
    }
    assertThat(unused).as("catalog codes that no main source emits; drop them or use them").isEmpty();
  }

  @Test
  void every_catalog_code_says_what_it_means() {
    for (Catalog catalog : CATALOGS) {
      assertThat(documented(catalog).keySet()).as(catalog.type().getSimpleName() + " constants with Javadoc")
          .containsExactlyElementsOf(catalog.codes());
    }
  }

  @Test
  void docs_codes_md_is_generated_from_the_catalogs() throws IOException {
    String expected = codesMarkdown();
    String actual = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
    if (!actual.equals(expected)) {
      // Regenerated in place so that the fix is to review and commit it.
      Files.writeString(DOC, expected, StandardCharsets.UTF_8);
    }
    assertThat(actual).as("docs/codes.md was stale and has been regenerated from the catalogs; review and commit it").isEqualTo(expected);
  }

  private static String codesMarkdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Diagnostic codes\n\n")
        .append("<!-- Generated by examples/src/test/java/dev/aiinfra/examples/DiagnosticCodesTest.java from the catalogs; do not edit. -->\n\n")
        .append("Every `code` in a result (`reasons[].code`, `diagnostics[].code`, a `Diagnostic` in the library) is a constant of\n")
        .append("its module's catalog, an enum implementing `dev.aiinfra.core.model.DiagnosticCode`. The codes are stable:\n")
        .append("switch on them. Each says what the finding means and what to do about it.\n\n");
    for (Catalog catalog : CATALOGS) {
      md.append("- [`").append(catalog.type().getSimpleName()).append("`](#").append(catalog.type().getSimpleName().toLowerCase(java.util.Locale.ROOT))
          .append(") (").append(catalog.module()).append(")\n");
    }
    for (Catalog catalog : CATALOGS) {
      String source = String.join("\n", lines(catalog.source()));
      Matcher type = TYPE_DOC.matcher(source);
      md.append("\n## ").append(catalog.type().getSimpleName()).append("\n\n")
          .append("`").append(catalog.type().getName()).append("` in `").append(catalog.module()).append("`")
          .append(type.find() ? ": " + text(type.group(1)) : "").append("\n\n")
          .append("| code | meaning and what to do |\n|---|---|\n");
      documented(catalog).forEach((code, doc) -> md.append("| `").append(code).append("` | ").append(doc.replace("|", "\\|")).append(" |\n"));
    }
    return md.toString();
  }

  /** Each constant of the catalog with its Javadoc as one line of Markdown, in declaration order. */
  private static Map<String, String> documented(Catalog catalog) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = CONSTANT.matcher(String.join("\n", lines(catalog.source())));
    while (m.find()) {
      out.put(m.group(2), text(m.group(1)));
    }
    return out;
  }

  /** Javadoc as Markdown: one line, {@code x} as `x`, {@link X} as X. */
  private static String text(String javadoc) {
    String joined = Stream.of(javadoc.split("\n")).map(l -> l.replaceFirst("^\\s*\\*?\\s?", "").trim()).filter(l -> !l.isEmpty())
        .collect(Collectors.joining(" "));
    return joined.replaceAll("\\{@code ([^}]*)}", "`$1`").replaceAll("\\{@link (?:[\\w.]*#)?([^}]*)}", "$1").trim();
  }

  /** Every main Java source of the checkout's modules, catalogs included. */
  private static List<Path> mainSources() {
    Set<Path> files = new TreeSet<>();
    try (Stream<Path> modules = Files.list(ROOT)) {
      for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).toList()) {
        try (Stream<Path> walk = Files.walk(module.resolve("src/main/java"))) {
          walk.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(files).as("main sources under " + ROOT.toAbsolutePath().normalize()).isNotEmpty();
    return List.copyOf(files);
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
