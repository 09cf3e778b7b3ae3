package dev.aiinfra.core.read;

import dev.aiinfra.core.model.inventory.ClusterPart;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * Reads the {@link ClusterPart} a module models (DRA: ResourceSlices, DeviceClasses, allocated
 * ResourceClaims) for {@link ClusterModelReader}, which hands it the objects it {@link #reads}.
 */
public interface ClusterPartReader {
  /** Whether this reader takes the object (by group, version and kind). */
  boolean reads(HasMetadata object);

  /**
   * The part in {@code objects} (only objects this reader {@link #reads}); each problem is added to
   * {@code errors} with the file, document and field it was found at.
   */
  ClusterPart read(List<SourcedObject> objects, List<InputError> errors);
}
