package dev.aiinfra.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One generated case: the command's arguments (file names in them relative to the case folder) and
 * the files they name. Both sides evaluate exactly this; {@code seed} replays its generation.
 */
public record Case(String id, long seed, List<String> args, Map<String, String> files) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  public Case {
    args = List.copyOf(args);
    files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
  }

  public static Case of(String id, long seed, List<String> args, String file, String content) {
    return new Case(id, seed, args, Map.of(file, content));
  }

  public Case withFiles(Map<String, String> newFiles) {
    return new Case(id, seed, args, newFiles);
  }

  public Case withId(String newId) {
    return new Case(newId, seed, args, files);
  }

  /** Writes {@code args} (a JSON array) and every file into {@code dir}. */
  public void writeTo(Path dir) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("args"), MAPPER.writeValueAsString(args), StandardCharsets.UTF_8);
      for (Map.Entry<String, String> f : files.entrySet()) {
        Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
