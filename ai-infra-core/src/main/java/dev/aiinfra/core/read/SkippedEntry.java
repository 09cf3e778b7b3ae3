package dev.aiinfra.core.read;

import java.util.Objects;

/**
 * An entry of a folder given as {@code -f DIR} that was not read, and why: a sub-folder (like
 * {@code kubectl apply -f DIR} without {@code -R}, only the folder's own files are read) or a file
 * whose name does not end in {@code .yaml}, {@code .yml} or {@code .json}. kubectl skips such
 * entries without a word; ai-infra names each one, so a manifest left out is never a surprise.
 */
public record SkippedEntry(String path, String reason) {
  public SkippedEntry {
    Objects.requireNonNull(path);
    Objects.requireNonNull(reason);
  }

  /** {@code manifests/notes.txt: skipped: not a .yaml, .yml or .json file}. */
  @Override
  public String toString() {
    return path + ": skipped: " + reason;
  }
}
