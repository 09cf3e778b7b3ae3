package dev.aiinfra.scheduling.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.render.ObjectTrees;
import dev.aiinfra.core.read.InputError;
import dev.aiinfra.core.read.ManifestReadException;
import dev.aiinfra.core.read.SourcedObject;
import dev.aiinfra.core.render.validation.ObjectRule;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code gang place} requires of each object it reads (Nodes, Pods, Kueue Topology and
 * ResourceFlavor, Job, JobSet, LeaderWorkerSet, StatefulSet: allocatable values kube-scheduler can
 * count, 1–16 topology levels, gang annotations Kueue and the scheduler can parse, expandable pod
 * templates) as an {@link ObjectRule}, so that {@code validate} refuses what placement would; and
 * what Kueue's webhooks refuse in every Kueue object {@link KueueReader} reads (ClusterQueue,
 * LocalQueue, Cohort, WorkloadPriorityClass too).
 * References between objects are left to {@code gang place}, which sees the whole input.
 */
public final class SchedulingRules implements ObjectRule {
  /** The scheduling rules, as a list to add to an {@code ObjectValidator}. */
  public static List<ObjectRule> all() {
    return List.of(new SchedulingRules());
  }

  @Override
  public List<FieldViolation> check(ObjectNode object) {
    String apiVersion = object.path("apiVersion").asText();
    String kind = object.path("kind").asText();
    boolean gang = GangInputs.reads(apiVersion, kind);
    boolean kueue = KueueReader.reads(apiVersion, kind);
    if (!gang && !kueue) {
      return List.of();
    }
    try {
      SourcedObject o = new SourcedObject("", 0, ObjectTrees.object(ObjectTrees.named(object)));
      List<InputError> errors = new ArrayList<>(gang ? GangInputs.check(o) : List.of());
      if (kueue) {
        errors.addAll(kueueErrors(o));
      }
      return errors.stream().map(e -> FieldViolation.ofMessage(FieldPath.of(e.field()), e.rule())).distinct().toList();
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return List.of(); // the manifest reader reports what does not bind
    }
  }

  /** What Kueue's webhooks would refuse in a Kueue object (a ClusterQueue's quotas, a flavor's labels, ...). */
  private static List<InputError> kueueErrors(SourcedObject o) {
    try {
      KueueReader.read(List.of(o));
      return List.of();
    } catch (ManifestReadException e) {
      return e.errors();
    }
  }
}
