package dev.aiinfra.sandbox.policy.pss;

import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import dev.aiinfra.sandbox.model.pss.VolumeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code hostPathVolumes}: no volume has a {@code hostPath} source. */
final class HostPathVolumes implements Check {
  @Override
  public String id() {
    return "hostPathVolumes";
  }

  @Override
  public PodSecurityLevel level() {
    return PodSecurityLevel.BASELINE;
  }

  @Override
  public Optional<PodSecurityViolation> check(Subject pod, int minor) {
    List<String> bad = new ArrayList<>();
    for (VolumeView v : pod.volumes) {
      if (v.sources().contains("hostPath")) {
        bad.add(v.name());
      }
    }
    return bad.isEmpty() ? Optional.empty() : Optional.of(new PodSecurityViolation(id(), "hostPath volumes",
        Phrases.pluralize("volume", "volumes", bad.size()) + " " + Phrases.quoted(bad)));
  }
}
