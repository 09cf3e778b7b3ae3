package dev.aiinfra.core.cluster;

/** {@code --dry-run}: none (apply for real), server (the API server validates and does not persist), client (nothing is sent but reads). */
public enum DryRun {
  NONE,
  SERVER,
  CLIENT
}
