package dev.aiinfra.sandbox.policy.pss;

import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import dev.aiinfra.sandbox.model.pss.VolumeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code restrictedVolumes}: every volume is one of the allowed, non-host sources ({@code image}
 * included at every version); replaces {@code hostPathVolumes}. A volume with no source at all is
 * {@code unknown} (only after API defaulting is it an {@code emptyDir}).
 */
final class RestrictedVolumes implements Check {
  static final Set<String> ALLOWED = Set.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image",
      "persistentVolumeClaim", "projected", "secret");

  @Override
  public String id() {
    return "restrictedVolumes";
  }

  @Override
  public PodSecurityLevel level() {
    return PodSecurityLevel.RESTRICTED;
  }

  @Override
  public Optional<String> overrides() {
    return Optional.of("hostPathVolumes");
  }

  @Override
  public Optional<PodSecurityViolation> check(Subject pod, int minor) {
    List<String> bad = new ArrayList<>();
    Set<String> types = new TreeSet<>();
    for (VolumeView v : pod.volumes) {
      boolean forbidden = v.sources().isEmpty();
      if (forbidden) {
        types.add("unknown");
      }
      for (String s : v.sources()) {
        if (!ALLOWED.contains(s)) {
          forbidden = true;
          types.add(s);
        }
      }
      if (forbidden) {
        bad.add(v.name());
      }
    }
    return bad.isEmpty() ? Optional.empty() : Optional.of(new PodSecurityViolation(id(), "restricted volume types",
        Phrases.pluralize("volume", "volumes", bad.size()) + " " + Phrases.quoted(bad) + " "
            + Phrases.pluralize("uses", "use", bad.size()) + " restricted volume "
            + Phrases.pluralize("type", "types", types.size()) + " " + Phrases.quoted(types)));
  }
}
