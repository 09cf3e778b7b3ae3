package dev.aiinfra.cli;

/** {@code -o}: text for people (default), json or yaml for programs. */
public enum OutputFormat {
  text,
  json,
  yaml
}
