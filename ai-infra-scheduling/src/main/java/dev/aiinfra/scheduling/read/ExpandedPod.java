package dev.aiinfra.scheduling.read;

import dev.aiinfra.core.read.SourcedObject;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.Map;

/**
 * A pod as it will exist: read from a Pod, or generated from a controller's template with the
 * name, labels and annotations the controller would give it. {@code origin} names the object and
 * {@code path} the field path of its pod spec, for error messages.
 */
record ExpandedPod(
    String name,
    String namespace,
    Map<String, String> labels,
    Map<String, String> annotations,
    PodSpec spec,
    SourcedObject origin,
    String path,
    String controller) {}
