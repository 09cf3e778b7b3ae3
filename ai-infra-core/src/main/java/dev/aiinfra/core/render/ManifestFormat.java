package dev.aiinfra.core.render;

/** Output syntax of a rendered bundle. */
public enum ManifestFormat {
  /** Multi-document YAML, documents separated by {@code ---}. */
  YAML,
  /** One JSON object, or a {@code v1 List} when there are several. */
  JSON
}
