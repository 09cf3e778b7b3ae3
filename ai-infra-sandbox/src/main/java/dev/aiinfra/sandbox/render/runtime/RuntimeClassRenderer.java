package dev.aiinfra.sandbox.render.runtime;

import dev.aiinfra.sandbox.model.runtime.RuntimeClassSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.node.v1.RuntimeClass;
import io.fabric8.kubernetes.api.model.node.v1.RuntimeClassBuilder;
import java.util.Map;
import java.util.TreeMap;

/** Renders a {@link RuntimeClassSpec} as a {@code node.k8s.io/v1} RuntimeClass. */
public final class RuntimeClassRenderer {
  private RuntimeClassRenderer() {}

  public static RuntimeClass render(RuntimeClassSpec spec) {
    RuntimeClassBuilder b = new RuntimeClassBuilder().withNewMetadata().withName(spec.name()).endMetadata().withHandler(spec.handler());
    if (!spec.overhead().isEmpty()) {
      Map<String, Quantity> podFixed = new TreeMap<>();
      spec.overhead().asMap().forEach((k, v) -> podFixed.put(k, new Quantity(v.toString())));
      b.withNewOverhead().withPodFixed(podFixed).endOverhead();
    }
    if (!spec.nodeSelector().isEmpty()) {
      b.withNewScheduling().withNodeSelector(new TreeMap<>(spec.nodeSelector())).endScheduling();
    }
    return b.build();
  }
}
