package dev.aiinfra.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 #9, a build check: a normal build attaches sources and javadoc jars to the library
 * modules, and the javadoc documents the generated Immutables builder methods on each public
 * {@code Builder}. Runs after every published module in the reactor (this module depends on the
 * command, which depends on the examples and every library); skipped when their javadoc was not
 * built in this run ({@code -Dmaven.javadoc.skip=true}, or this module built alone).
 */
class PublishedDocsTest {
  private static Optional<Path> jar(String module, String classifier) throws IOException {
    // the examples artifact lives in examples/, every other module in a folder named like it
    String folder = module.equals("ai-infra-examples") ? "examples" : module;
    try (DirectoryStream<Path> found = Files.newDirectoryStream(Path.of("..", folder, "target"), module + "-*-" + classifier + ".jar")) {
      for (Path p : found) {
        return Optional.of(p);
      }
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static String entry(Path jar, String name) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry e = zip.getEntry(name);
      assertThat(e).as(name + " in " + jar).isNotNull();
      try (InputStream in = zip.getInputStream(e)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
  }

  @Test
  void every_library_module_attaches_sources_and_javadoc() throws IOException {
    assumeTrue(jar("ai-infra-dra", "javadoc").isPresent(), "javadoc was not built in this run");
    for (String module : new String[] {"ai-infra-core", "ai-infra-scheduling", "ai-infra-dra", "ai-infra-serving", "ai-infra-sandbox",
        "ai-infra-testing-core", "ai-infra-testing", "ai-infra-examples", "ai-infra-cli"}) {
      assertThat(jar(module, "sources")).as(module + " sources jar").isPresent();
      assertThat(jar(module, "javadoc")).as(module + " javadoc jar").isPresent();
    }
  }

  @Test
  void a_public_builder_documents_its_generated_methods() throws IOException {
    Optional<Path> dra = jar("ai-infra-dra", "javadoc");
    assumeTrue(dra.isPresent(), "javadoc was not built in this run");
    String builder = entry(dra.get(), "dev/aiinfra/dra/policy/DraCluster.Builder.html");
    assertThat(builder).contains("addAllClasses", "Adds elements to", "addSlice", "putNode", "from").doesNotContain("Methods inherited from class&nbsp;dev.aiinfra");
  }
}
