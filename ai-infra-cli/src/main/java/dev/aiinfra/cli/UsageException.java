package dev.aiinfra.cli;

/** A usage problem the library cannot see (wrong kind or count of objects for a command); exit code 2. */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message, null, false, false);
  }
}
