package dev.aiinfra.scheduling.read;

import dev.aiinfra.core.read.ManifestReader;
import dev.aiinfra.core.read.SourcedObject;
import dev.aiinfra.scheduling.model.Gang;
import dev.aiinfra.scheduling.render.GangAttachment;
import java.util.List;

/** The path {@code ai-infra gang place} takes: the attached bundle written as YAML, read back and grouped into gangs. */
final class YamlPath {
  private YamlPath() {}

  static List<Gang> gangs(GangAttachment.Attached attached) {
    List<SourcedObject> objects = ManifestReader.withDefaults().readString("rendered.yaml", attached.bundle().toYaml());
    return GangInputs.read(objects, List.of()).gangs();
  }
}
