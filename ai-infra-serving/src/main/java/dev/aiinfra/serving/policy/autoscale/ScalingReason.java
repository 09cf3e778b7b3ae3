package dev.aiinfra.serving.policy.autoscale;

/** Why the autoscaler acted (or held); the codes are stable. */
public enum ScalingReason {
  HOLD("AUTOSCALE_HOLD"),
  BELOW_MIN("AUTOSCALE_BELOW_MIN"),
  ABOVE_MAX("AUTOSCALE_ABOVE_MAX"),
  QUEUE_DEPTH("AUTOSCALE_UP_QUEUE_DEPTH"),
  KV_CACHE("AUTOSCALE_UP_KV_CACHE"),
  TTFT("AUTOSCALE_UP_TTFT"),
  TPOT("AUTOSCALE_UP_TPOT"),
  AT_MAX("AUTOSCALE_AT_MAX"),
  SCALE_DOWN("AUTOSCALE_DOWN"),
  COOLDOWN("AUTOSCALE_DOWN_COOLDOWN"),
  STABILISING("AUTOSCALE_DOWN_STABILISING");

  private final String code;

  ScalingReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
