package dev.aiinfra.serving.policy.autoscale;

import dev.aiinfra.serving.model.ServingCode;

/** Why the autoscaler acted (or held); the codes are stable, from {@link ServingCode}. */
public enum ScalingReason {
  HOLD(ServingCode.AUTOSCALE_HOLD),
  BELOW_MIN(ServingCode.AUTOSCALE_BELOW_MIN),
  ABOVE_MAX(ServingCode.AUTOSCALE_ABOVE_MAX),
  QUEUE_DEPTH(ServingCode.AUTOSCALE_UP_QUEUE_DEPTH),
  KV_CACHE(ServingCode.AUTOSCALE_UP_KV_CACHE),
  TTFT(ServingCode.AUTOSCALE_UP_TTFT),
  TPOT(ServingCode.AUTOSCALE_UP_TPOT),
  AT_MAX(ServingCode.AUTOSCALE_AT_MAX),
  SCALE_DOWN(ServingCode.AUTOSCALE_DOWN),
  COOLDOWN(ServingCode.AUTOSCALE_DOWN_COOLDOWN),
  STABILISING(ServingCode.AUTOSCALE_DOWN_STABILISING);

  private final ServingCode code;

  ScalingReason(ServingCode code) {
    this.code = code;
  }

  /** The stable code, a constant of {@link ServingCode}. */
  public String code() {
    return code.name();
  }
}
