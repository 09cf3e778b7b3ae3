package dev.aiinfra.scheduling.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.render.ObjectTrees;
import dev.aiinfra.core.read.SourcedObject;
import dev.aiinfra.core.render.validation.ObjectRule;
import java.util.List;

/**
 * What {@code gang place} requires of each object it reads (Nodes, Pods, Kueue Topology and
 * ResourceFlavor, Job, JobSet, LeaderWorkerSet, StatefulSet: allocatable values kube-scheduler can
 * count, 1–16 topology levels, gang annotations Kueue and the scheduler can parse, expandable pod
 * templates) as an {@link ObjectRule}, so that {@code validate} refuses what placement would.
 * References between objects are left to {@code gang place}, which sees the whole input.
 */
public final class SchedulingRules implements ObjectRule {
  /** The scheduling rules, as a list to add to an {@code ObjectValidator}. */
  public static List<ObjectRule> all() {
    return List.of(new SchedulingRules());
  }

  @Override
  public List<FieldViolation> check(ObjectNode object) {
    if (!GangInputs.reads(object.path("apiVersion").asText(), object.path("kind").asText())) {
      return List.of();
    }
    try {
      SourcedObject o = new SourcedObject("", 0, ObjectTrees.object(ObjectTrees.named(object)));
      return GangInputs.check(o).stream().map(e -> FieldViolation.ofMessage(FieldPath.of(e.field()), e.rule())).toList();
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return List.of(); // the manifest reader reports what does not bind
    }
  }
}
