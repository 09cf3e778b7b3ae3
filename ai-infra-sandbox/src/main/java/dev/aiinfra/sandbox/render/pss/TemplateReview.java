package dev.aiinfra.sandbox.render.pss;

import dev.aiinfra.sandbox.policy.pss.PodSecurityVerdict;
import java.util.Objects;

/** The baseline and restricted verdicts for one pod template of an object, at its field path. */
public record TemplateReview(String path, PodSecurityVerdict baseline, PodSecurityVerdict restricted) {
  public TemplateReview {
    Objects.requireNonNull(path);
    Objects.requireNonNull(baseline);
    Objects.requireNonNull(restricted);
  }
}
