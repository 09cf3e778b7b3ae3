package dev.aiinfra.core.read;

import dev.aiinfra.core.model.manifest.ObjectKey;
import dev.aiinfra.core.render.ManifestBundle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Objects read from files that name the same object (apiVersion, kind, namespace and name) more
 * than once. {@code kubectl apply} would write the later over the earlier; a {@link ManifestBundle}
 * holds each object once, so {@code apply}, {@code dns tune} and {@code validate} refuse such input
 * with the file and document of both.
 */
public final class DuplicateObjects {
  private DuplicateObjects() {}

  /** Each object that repeats an earlier one, mapped to the first with its key, in input order. */
  public static Map<SourcedObject, SourcedObject> repeats(List<SourcedObject> objects) {
    Map<ObjectKey, SourcedObject> first = new HashMap<>();
    Map<SourcedObject, SourcedObject> repeats = new LinkedHashMap<>();
    for (SourcedObject o : objects) {
      if (o.object().getMetadata() == null || o.object().getMetadata().getName() == null) {
        continue;
      }
      SourcedObject earlier = first.putIfAbsent(ManifestBundle.keyOf(o.object()), o);
      if (earlier != null) {
        repeats.put(o, earlier);
      }
    }
    return repeats;
  }

  /** One error per repeated object, at its {@code metadata.name}, naming where it first appeared. */
  public static List<InputError> find(List<SourcedObject> objects) {
    List<InputError> errors = new ArrayList<>();
    repeats(objects).forEach((o, earlier) -> errors.add(
        o.error("metadata.name", "Duplicate value: \"" + ManifestBundle.keyOf(o.object()) + "\": " + detail(earlier))));
    return errors;
  }

  /** Why a repeat is refused: where the object first appeared. */
  public static String detail(SourcedObject earlier) {
    return "the same object is " + earlier.origin() + "; each object may appear once";
  }

  /** The bundle of objects read from files, or every repeated object reported with its file and document. */
  public static ManifestBundle bundle(List<SourcedObject> objects) {
    List<InputError> errors = find(objects);
    if (!errors.isEmpty()) {
      throw new ManifestReadException(errors);
    }
    return ManifestBundle.of(objects.stream().map(SourcedObject::object).toList());
  }
}
