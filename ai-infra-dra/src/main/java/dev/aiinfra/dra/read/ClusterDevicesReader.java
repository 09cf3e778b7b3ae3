package dev.aiinfra.dra.read;

import dev.aiinfra.core.model.inventory.ClusterPart;
import dev.aiinfra.core.read.ClusterModelReader;
import dev.aiinfra.core.read.ClusterPartReader;
import dev.aiinfra.core.read.InputError;
import dev.aiinfra.core.read.ManifestReadException;
import dev.aiinfra.core.read.SourcedObject;
import dev.aiinfra.dra.model.ClusterDevices;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Set;

/**
 * The DRA part of the one cluster model (Dynamic Resource Allocation, KEP-4381): ResourceSlices,
 * DeviceClasses and the ResourceClaims that hold devices, read as {@code dra allocate} reads them
 * ({@code resource.k8s.io/v1}; {@code v1beta2} and {@code v1beta1} converted as the API server
 * does). Give it to {@link ClusterModelReader}: {@code ClusterModelReader.read(objects,
 * ClusterDevicesReader.create())}. Claims without {@code status.allocation} are workload, not cluster
 * state, and are left out.
 */
public final class ClusterDevicesReader implements ClusterPartReader {
  private static final Set<String> CLUSTER_KINDS = Set.of("ResourceSlice", "DeviceClass", "ResourceClaim");

  private ClusterDevicesReader() {}

  public static ClusterDevicesReader create() {
    return new ClusterDevicesReader();
  }

  @Override
  public boolean reads(HasMetadata object) {
    return CLUSTER_KINDS.contains(object.getKind()) && ResourceApiVersions.isDraKind(object.getKind())
        && object.getApiVersion() != null && object.getApiVersion().startsWith(ResourceApiVersions.GROUP + "/");
  }

  @Override
  public ClusterPart read(List<SourcedObject> objects, List<InputError> errors) {
    try {
      DraInputs inputs = DraReader.read(objects);
      return ClusterDevices.builder().slices(inputs.slices()).classes(inputs.classes())
          .claims(inputs.claims().stream().filter(c -> c.allocation().isPresent()).toList()).build();
    } catch (ManifestReadException e) {
      // duplicates are found over the whole input by the caller as well: report each problem once
      e.errors().stream().filter(x -> !errors.contains(x)).forEach(errors::add);
      return ClusterDevices.none();
    }
  }
}
