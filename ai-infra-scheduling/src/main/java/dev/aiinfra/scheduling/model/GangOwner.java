package dev.aiinfra.scheduling.model;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The object a gang belongs to, so that every result names its gang unambiguously even when two
 * JobSets have a replicated job of the same name: the object that declares the gang (a {@code
 * scheduling.k8s.io} Workload or PodGroup, a coscheduling or Volcano PodGroup), or, when no gang
 * object groups the pods, the controller that creates them (Job, JobSet, LeaderWorkerSet,
 * StatefulSet) or the lone Pod; with the group within that object (a JobSet's replicated job, a
 * Workload's pod group and replica key, a LeaderWorkerSet group index).
 */
@Value.Immutable
public abstract class GangOwner {
  /** Kubernetes kind of the object, e.g. {@code JobSet}, {@code Workload}, {@code PodGroup}. */
  @Value.Parameter
  public abstract String kind();

  @Value.Parameter
  public abstract String name();

  /** The group within the object; empty when the whole object is the gang. */
  public abstract Optional<String> group();

  public static GangOwner of(String kind, String name) {
    return ImmutableGangOwner.of(kind, name);
  }

  public static GangOwner of(String kind, String name, String group) {
    return ImmutableGangOwner.builder().kind(kind).name(name).group(group).build();
  }

  /**
   * Whether the object is a gang API object (Workload or PodGroup). A controller or Pod owner only
   * creates the pods: nothing makes the scheduler place them together.
   */
  public boolean declaresGang() {
    return kind().equals("Workload") || kind().equals("PodGroup");
  }

  /** {@code JobSet/train/workers}: kind, name and group joined by slashes. */
  public String path() {
    return kind() + "/" + name() + group().map(g -> "/" + g).orElse("");
  }
}
