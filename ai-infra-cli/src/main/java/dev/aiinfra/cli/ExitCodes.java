package dev.aiinfra.cli;

/** The exit-code contract of DESIGN.md. */
public final class ExitCodes {
  /** Done; fits; satisfiable; valid. */
  public static final int OK = 0;
  /** Evaluated, and the answer is no: does not fit, unsatisfiable, invalid, violates the policy. */
  public static final int NEGATIVE = 1;
  /** Invalid input or usage; stderr names file, document, field and rule. */
  public static final int INVALID_INPUT = 2;
  /** Cluster or internal error. */
  public static final int ERROR = 3;

  private ExitCodes() {}
}
