package dev.aiinfra.examples;

import dev.aiinfra.core.render.ManifestBundle;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One example program's objects, as {@code ai-infra render NAME} prints them and {@code ai-infra
 * demo} summarises them: a name, the area it shows, one line on what it is, the bundle its typed
 * specs render to, and a few lines on what the library computed for it. The example programs are
 * the only place these objects are built; the command reads them from the {@code catalog}.
 */
public interface Example {
  /** What an example shows, one entry per area of the library. */
  enum Area {
    /** Pod DNS: resolv.conf, the stub resolver's queries, ndots tuning. */
    DNS("DNS"),
    /** The API server's field rules, checked offline. */
    VALIDATION("validation"),
    /** Gang scheduling: Workload/PodGroup, Kueue, Volcano, topology-aware placement. */
    GANGS("gangs"),
    /** Dynamic Resource Allocation: DeviceClasses, claims, the structured allocator. */
    DRA("DRA"),
    /** LLM serving: prefill/decode planning and its LeaderWorkerSets. */
    SERVING("serving / PD"),
    /** Agent sandboxes: runtime class, warm pool, Pod Security. */
    SANDBOX("sandbox / PSS"),
    /** The cgroup v2 values the kubelet and runc write for a pod. */
    CGROUP("cgroup");

    private final String label;

    Area(String label) {
      this.label = label;
    }

    /** How the area is named in listings. */
    public String label() {
      return label;
    }
  }

  /** The name {@code ai-infra render} takes, e.g. {@code gang-jobset-native}. */
  String name();

  Area area();

  /** One line on what the objects are. */
  String description();

  /** The objects, rendered from the example's typed specs; byte-identical YAML on every call. */
  ManifestBundle build();

  /** A few lines on what the library computed for the example (where it lands, what fails and why). */
  List<String> findings();

  /** An example whose bundle and findings are computed on demand. */
  static Example of(String name, Area area, String description, Supplier<ManifestBundle> build, Supplier<List<String>> findings) {
    Objects.requireNonNull(build, "build");
    Objects.requireNonNull(findings, "findings");
    return new Example() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Area area() {
        return area;
      }

      @Override
      public String description() {
        return description;
      }

      @Override
      public ManifestBundle build() {
        return build.get();
      }

      @Override
      public List<String> findings() {
        return findings.get();
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }
}
