package dev.aiinfra.core.read;

import java.util.List;
import java.util.stream.Collectors;

/** User input that cannot be used; carries every {@link InputError} found, not just the first. */
public final class ManifestReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<InputError> errors;

  public ManifestReadException(List<InputError> errors) {
    super(errors.stream().map(InputError::toString).collect(Collectors.joining("\n")));
    this.errors = List.copyOf(errors);
  }

  public List<InputError> errors() {
    return errors;
  }
}
