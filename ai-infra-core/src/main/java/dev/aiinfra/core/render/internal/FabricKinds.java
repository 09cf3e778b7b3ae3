package dev.aiinfra.core.render.internal;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * The typed fabric8 model classes on the class path, by apiVersion and kind, found through the
 * {@code META-INF/services} lists every fabric8 model jar carries (no class is instantiated).
 */
public final class FabricKinds {
  private static final FabricKinds INSTANCE = new FabricKinds();
  private final Map<String, Class<? extends HasMetadata>> byKey = new HashMap<>();
  private final Set<String> groups = new HashSet<>();
  private final Map<String, Set<String>> kindsByGroup = new HashMap<>();

  private FabricKinds() {
    ServiceLoader.load(KubernetesResource.class, FabricKinds.class.getClassLoader()).stream()
        .map(ServiceLoader.Provider::type)
        .filter(HasMetadata.class::isAssignableFrom)
        .forEach(this::register);
  }

  @SuppressWarnings("unchecked")
  private void register(Class<? extends KubernetesResource> type) {
    Class<? extends HasMetadata> cls = (Class<? extends HasMetadata>) type;
    String apiVersion = HasMetadata.getApiVersion(cls);
    String kind = HasMetadata.getKind(cls);
    if (apiVersion == null || kind == null || kind.endsWith("List")) {
      return;
    }
    byKey.putIfAbsent(apiVersion + "#" + kind, cls);
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    groups.add(group);
    kindsByGroup.computeIfAbsent(group, g -> new TreeSet<>()).add(kind);
  }

  public static FabricKinds get() {
    return INSTANCE;
  }

  public Optional<Class<? extends HasMetadata>> type(String apiVersion, String kind) {
    return Optional.ofNullable(byKey.get(apiVersion + "#" + kind));
  }

  public boolean governs(String group) {
    return groups.contains(group);
  }

  public Set<String> kinds(String group) {
    return Collections.unmodifiableSet(kindsByGroup.getOrDefault(group, Set.of()));
  }
}
