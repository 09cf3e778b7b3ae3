package dev.aiinfra.core.render;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.manifest.ApplyOrder;
import dev.aiinfra.core.model.manifest.ObjectKey;
import dev.aiinfra.core.model.validation.Violations;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An ordered set of Kubernetes objects ready to write or apply. Objects are kept in {@link
 * ApplyOrder} (Namespaces, CRDs, classes, configuration, claims and templates, Workload/PodGroup,
 * Services, controllers, observers), in the order they were added within one rank. Two objects with
 * the same {@link ObjectKey} are refused. The same bundle always writes the same bytes.
 *
 * <p>The bundle holds the fabric8 objects it was given, without copying them.
 */
public final class ManifestBundle {
  private final List<HasMetadata> objects;

  private ManifestBundle(List<HasMetadata> objects) {
    this.objects = List.copyOf(objects);
  }

  public static ManifestBundle of(HasMetadata... objects) {
    return builder().add(objects).build();
  }

  public static ManifestBundle of(Collection<? extends HasMetadata> objects) {
    return builder().addAll(objects).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The objects in apply order. */
  public List<HasMetadata> objects() {
    return objects;
  }

  public int size() {
    return objects.size();
  }

  public Optional<HasMetadata> find(ObjectKey key) {
    return objects.stream().filter(o -> keyOf(o).equals(key)).findFirst();
  }

  /** A bundle with every object replaced by {@code change.apply(object)}. */
  public ManifestBundle map(UnaryOperator<HasMetadata> change) {
    Builder b = builder();
    objects.forEach(o -> b.add(change.apply(o)));
    return b.build();
  }

  public String toYaml() {
    return ManifestWriter.yaml(objects);
  }

  public String toJson() {
    return ManifestWriter.json(objects);
  }

  public String write(ManifestFormat format) {
    return ManifestWriter.write(objects, format);
  }

  public static ObjectKey keyOf(HasMetadata o) {
    String ns = o.getMetadata() == null ? "" : o.getMetadata().getNamespace();
    String name = o.getMetadata() == null ? "" : o.getMetadata().getName();
    return ObjectKey.of(o.getApiVersion(), o.getKind(), ns, name);
  }

  public static ApplyOrder rankOf(HasMetadata o) {
    return ApplyOrder.of(o.getApiVersion() == null ? "" : o.getApiVersion(), o.getKind());
  }

  /** Collects objects; {@link #build()} orders them and refuses duplicates and unnamed objects. */
  public static final class Builder {
    private final List<HasMetadata> added = new ArrayList<>();

    public Builder add(HasMetadata... objects) {
      for (HasMetadata o : objects) {
        added.add(o);
      }
      return this;
    }

    public Builder addAll(Collection<? extends HasMetadata> objects) {
      added.addAll(objects);
      return this;
    }

    public ManifestBundle build() {
      Violations v = new Violations();
      Map<ObjectKey, Integer> seen = new HashMap<>();
      for (int i = 0; i < added.size(); i++) {
        HasMetadata o = added.get(i);
        FieldPath at = FieldPath.of("objects").index(i);
        if (o.getApiVersion() == null || o.getApiVersion().isEmpty()) {
          v.required(at.child("apiVersion"), "every object needs an apiVersion");
        }
        if (o.getKind() == null || o.getKind().isEmpty()) {
          v.required(at.child("kind"), "every object needs a kind");
          continue;
        }
        if (o.getMetadata() == null || o.getMetadata().getName() == null || o.getMetadata().getName().isEmpty()) {
          v.required(at.child("metadata.name"), o.getKind() + " needs a name");
          continue;
        }
        ObjectKey key = keyOf(o);
        Integer first = seen.putIfAbsent(key, i);
        if (first != null) {
          v.duplicate(at, key + " (also objects[" + first + "])");
        }
      }
      if (!v.isEmpty()) {
        throw new InvalidSpecException(v.list());
      }
      List<HasMetadata> ordered = new ArrayList<>(added);
      ordered.sort(Comparator.comparing(ManifestBundle::rankOf)); // stable: insertion order within a rank
      return new ManifestBundle(ordered);
    }
  }
}
