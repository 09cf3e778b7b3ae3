package dev.aiinfra.core.model;

/**
 * A stable diagnostic code from one module's catalog ({@link CoreCode}, and {@code DraCode},
 * {@code SchedulingCode}, {@code ServingCode}, {@code SandboxCode} in the other modules): an enum
 * whose constant names are the codes themselves, so {@link #name()} is what {@link Diagnostic#code()}
 * carries and what JSON output prints. Callers switch on the string; the catalogs say what each code
 * means and what to do about it.
 */
public interface DiagnosticCode {
  /** The code, upper snake case, e.g. {@code GANG_TOPOLOGY_NOT_FIT}. */
  String name();

  /** Whether {@code diagnostic} carries this code. */
  default boolean matches(Diagnostic diagnostic) {
    return diagnostic.code().equals(name());
  }
}
