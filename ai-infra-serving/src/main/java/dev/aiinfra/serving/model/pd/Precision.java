package dev.aiinfra.serving.model.pd;

/** Numeric format of weights or KV cache: bytes per element. FP8 is e4m3 (block-scaled weights). */
public enum Precision {
  BF16(2),
  FP8(1);

  private final int bytes;

  Precision(int bytes) {
    this.bytes = bytes;
  }

  public int bytes() {
    return bytes;
  }
}
