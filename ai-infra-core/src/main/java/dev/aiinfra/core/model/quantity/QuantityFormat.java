package dev.aiinfra.core.model.quantity;

/** The suffix family a quantity was written in; canonical output keeps it, as the API server does. */
public enum QuantityFormat {
  /** {@code Ki Mi Gi Ti Pi Ei}: powers of 1024. */
  BINARY_SI,
  /** {@code n u m "" k M G T P E}: powers of 1000. */
  DECIMAL_SI,
  /** {@code e3}, {@code E-6}: powers of ten written out. */
  DECIMAL_EXPONENT
}
