package dev.aiinfra.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The file a fuzz target writes each input to (then passed as {@code -f FILE}), in a folder of its own removed at exit. */
final class InputFile {
  private final Path path;

  InputFile(String name) {
    try {
      Path dir = Files.createTempDirectory("ai-infra-fuzz-");
      dir.toFile().deleteOnExit();
      path = dir.resolve(name);
      path.toFile().deleteOnExit(); // registered last, deleted first
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the input and returns the file's name as given on the command line. */
  String write(byte[] data) throws IOException {
    Files.write(path, data);
    return path.toString();
  }

  String name() {
    return path.toString();
  }
}
