package dev.aiinfra.serving.model.pd;

/**
 * The serving engine. The roofline is calibrated on TensorRT-LLM-class kernels; the other engines
 * scale prefill and decode times by a factor fitted to AIConfigurator's published examples for the
 * same model, GPU and SLA (vLLM 0.12 on H200: about 1.45× slower prefill and 1.8× slower decode
 * steps). SGLang's factors are an estimate between the two, not fitted to published data.
 */
public enum Backend {
  TRTLLM("trtllm", 1.0, 1.0),
  VLLM("vllm", 1.45, 1.8),
  SGLANG("sglang", 1.15, 1.3);

  private final String id;
  private final double prefillFactor;
  private final double decodeFactor;

  Backend(String id, double prefillFactor, double decodeFactor) {
    this.id = id;
    this.prefillFactor = prefillFactor;
    this.decodeFactor = decodeFactor;
  }

  /** AIConfigurator's name: {@code trtllm}, {@code vllm}, {@code sglang}. */
  public String id() {
    return id;
  }

  public double prefillFactor() {
    return prefillFactor;
  }

  public double decodeFactor() {
    return decodeFactor;
  }

  /** The backend with this AIConfigurator name, case-insensitive. */
  public static java.util.Optional<Backend> byId(String id) {
    for (Backend b : values()) {
      if (b.id.equalsIgnoreCase(id)) {
        return java.util.Optional.of(b);
      }
    }
    return java.util.Optional.empty();
  }
}
