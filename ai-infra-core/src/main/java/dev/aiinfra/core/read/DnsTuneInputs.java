package dev.aiinfra.core.read;

import dev.aiinfra.core.json.Json;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.core.render.PodTemplateSite;
import dev.aiinfra.core.render.PodTemplates;
import dev.aiinfra.core.render.dns.PodDnsTrees;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * The objects read for {@code dns tune}, as the bundle {@code DnsTuning} tunes: every pod DNS field
 * the API server would refuse ({@code dnsPolicy}, {@code dnsConfig}) is reported with the file and
 * document it came from, every one before anything is tuned, and so is every object given twice.
 */
public final class DnsTuneInputs {
  private DnsTuneInputs() {}

  /**
   * The objects as one bundle.
   *
   * @throws ManifestReadException listing every invalid pod DNS field with its file, document and
   *     path, or every repeated object with both places
   */
  public static ManifestBundle bundle(List<SourcedObject> objects) {
    List<InputError> errors = new ArrayList<>();
    for (SourcedObject o : objects) {
      HasMetadata object = o.object();
      if (!PodTemplates.hasPodTemplates(object.getApiVersion(), object.getKind())) {
        continue;
      }
      String ns = object.getMetadata().getNamespace() == null ? "default" : object.getMetadata().getNamespace();
      for (PodTemplateSite site : PodTemplates.find(Json.mapper().valueToTree(object))) {
        PodDnsTrees.read(site.podSpec(), ns, FieldPath.of(site.path()))
            .violations()
            .forEach(v -> errors.add(o.error(v.field(), v.message())));
      }
    }
    if (!errors.isEmpty()) {
      throw new ManifestReadException(errors);
    }
    return DuplicateObjects.bundle(objects);
  }
}
