package dev.aiinfra.sandbox.policy.hardening;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.workload.PodTemplate;
import java.util.List;

/** A pod template with the preset applied, and why any setting was skipped or kept as the user wrote it. */
public record HardenedPod(PodTemplate template, List<Diagnostic> diagnostics) {
  public HardenedPod {
    diagnostics = List.copyOf(diagnostics);
  }
}
