package dev.aiinfra.dra.policy;

/** A CEL selector that does not compile, does not return a bool, or fails at run time: fatal for allocation, as in kube-scheduler. */
public final class CelSelectorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CelSelectorException(String message) {
    super(message, null, false, false);
  }
}
