package dev.aiinfra.core.read;

import java.util.List;

/**
 * What a set of {@code -f FILE|DIR|-} inputs held, as {@link ManifestReader#readInput} reads them:
 * every object, in input order, and every folder entry that was not read, in name order.
 */
public record ManifestInput(List<SourcedObject> objects, List<SkippedEntry> skipped) {
  public ManifestInput {
    objects = List.copyOf(objects);
    skipped = List.copyOf(skipped);
  }
}
