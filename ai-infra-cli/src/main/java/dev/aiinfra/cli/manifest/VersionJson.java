package dev.aiinfra.cli.manifest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.cli.output.JsonOut;
import dev.aiinfra.core.model.profile.KubernetesVersion;

/** The {@code version} JSON contract, in one place: {@code {"version","kubernetesVersions":[…],"defaultKubernetesVersion"}}. */
final class VersionJson {
  private VersionJson() {}

  static ObjectNode of(String version) {
    ObjectNode json = JsonOut.object().put("version", version);
    json.set("kubernetesVersions", JsonOut.strings(KubernetesVersion.supported().stream().map(KubernetesVersion::toString).toList()));
    return json.put("defaultKubernetesVersion", KubernetesVersion.DEFAULT.toString());
  }
}
