package dev.aiinfra.core.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file assertions for renderers. Files live under {@code src/test/resources/golden} of the
 * module under test. {@code -Dai-infra.golden.update=true} rewrites them from the current output;
 * review the diff before committing.
 */
public final class Golden {
  private Golden() {}

  public static void assertMatches(String name, String actual) {
    if (Boolean.getBoolean("ai-infra.golden.update")) {
      try {
        Path p = Path.of("src/test/resources/golden", name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, actual, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    assertThat(actual).as("golden/%s", name).isEqualTo(read(name));
  }

  public static String read(String name) {
    try (InputStream in = Golden.class.getClassLoader().getResourceAsStream("golden/" + name)) {
      if (in == null) {
        throw new AssertionError("missing golden file golden/" + name + " (run with -Dai-infra.golden.update=true to create it)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
