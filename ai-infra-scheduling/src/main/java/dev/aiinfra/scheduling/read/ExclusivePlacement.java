package dev.aiinfra.scheduling.read;

import dev.aiinfra.core.model.index.LabelSelector;
import dev.aiinfra.core.model.index.PodIndexKeys;
import dev.aiinfra.core.model.node.PodAffinityTerm;
import dev.aiinfra.core.read.PodAffinityTerms;
import dev.aiinfra.scheduling.model.InterPodRules;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pending pod's labels and required inter-pod terms as kube-scheduler will see them: the pod's own
 * terms plus what the JobSet and LeaderWorkerSet pod webhooks add for exclusive placement (DOMAIN.md
 * {@code crd-facts.md}), so that one Job (or one LWS group) gets a domain of the key to itself:
 *
 * <ul>
 *   <li>JobSet ({@code alpha.jobset.sigs.k8s.io/exclusive-topology} on the JobSet or a replicated
 *       job's template): every pod gets the {@code jobset.sigs.k8s.io/priority} label; the leader
 *       (completion index 0) gets affinity {@code job-key In <own>} and anti-affinity {@code job-key
 *       Exists, job-key NotIn <own>, priority In <own>} on the key, in every namespace;
 *   <li>LeaderWorkerSet ({@code leaderworkerset.sigs.k8s.io/exclusive-topology}): the leader gets
 *       affinity {@code group-key In <own>} and anti-affinity {@code group-key Exists, NotIn <own>}
 *       in its namespace.
 * </ul>
 *
 * Followers get a nodeSelector for their leader's domain once the leader is bound; placing all pods
 * of a gang at once, that is modelled as required affinity to their leader (own job-key or group-key
 * and index 0), which the leader, placed first in rank order, satisfies; with the leader unplaced a
 * follower has no node, as it would not even be created. The node-selector strategy of JobSet ({@code
 * alpha.jobset.sigs.k8s.io/node-selector}) leaves pods alone, as the webhook does; LWS subgroup
 * exclusivity is not modelled.
 */
final class ExclusivePlacement {
  /** The pod webhook's priority label (the pod's {@code spec.priority}). */
  static final String JOBSET_PRIORITY = "jobset.sigs.k8s.io/priority";
  /** JobSet's switch to the node-selector strategy of exclusive placement. */
  static final String JOBSET_NODE_SELECTOR_STRATEGY = "alpha.jobset.sigs.k8s.io/node-selector";

  private ExclusivePlacement() {}

  /** {@code sha1hex(s)}: JobSet's job-key and LWS's group-key. */
  static String sha1(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required of every Java runtime", e);
    }
  }

  /** The rules of one expanded pod; a term the API would refuse throws {@link IllegalArgumentException}. */
  static InterPodRules rules(ExpandedPod p) {
    Map<String, String> labels = new LinkedHashMap<>(p.labels());
    List<PodAffinityTerm> affinity = new ArrayList<>(PodAffinityTerms.requiredAffinity(p.spec(), p.labels()));
    List<PodAffinityTerm> anti = new ArrayList<>(PodAffinityTerms.requiredAntiAffinity(p.spec(), p.labels()));
    Map<String, String> a = p.annotations();
    boolean jobSetPod = labels.containsKey(PodIndexKeys.JOBSET_NAME);
    if (jobSetPod && !a.containsKey(JOBSET_NODE_SELECTOR_STRATEGY)) {
      labels.put(JOBSET_PRIORITY, priority(p));
      String key = a.get(PodIndexKeys.JOBSET_EXCLUSIVE_TOPOLOGY);
      String jobKey = labels.get(PodIndexKeys.JOBSET_JOB_KEY);
      if (key != null && jobKey != null) {
        Optional<LabelSelector> everyNamespace = Optional.of(LabelSelector.builder().build());
        if (!"0".equals(labels.get(PodIndexKeys.JOB_COMPLETION_INDEX))) {
          // a follower: its leader's domain (the webhook's nodeSelector, set once the leader is bound)
          affinity.add(term(key, everyNamespace, LabelSelector.Requirement.of(PodIndexKeys.JOBSET_JOB_KEY, LabelSelector.Operator.In, jobKey),
              LabelSelector.Requirement.of(PodIndexKeys.JOB_COMPLETION_INDEX, LabelSelector.Operator.In, "0")));
        } else {
          affinity.add(term(key, everyNamespace, LabelSelector.Requirement.of(PodIndexKeys.JOBSET_JOB_KEY, LabelSelector.Operator.In, jobKey)));
          anti.add(term(key, everyNamespace,
              LabelSelector.Requirement.of(PodIndexKeys.JOBSET_JOB_KEY, LabelSelector.Operator.Exists),
              LabelSelector.Requirement.of(PodIndexKeys.JOBSET_JOB_KEY, LabelSelector.Operator.NotIn, jobKey),
              LabelSelector.Requirement.of(JOBSET_PRIORITY, LabelSelector.Operator.In, labels.get(JOBSET_PRIORITY))));
        }
      }
    }
    String lwsKey = labels.containsKey(PodIndexKeys.LWS_NAME) ? a.get(PodIndexKeys.LWS_EXCLUSIVE_TOPOLOGY) : null;
    String groupKey = labels.get(PodIndexKeys.LWS_GROUP_KEY);
    if (lwsKey != null && groupKey != null) {
      if (!"0".equals(labels.get(PodIndexKeys.LWS_WORKER_INDEX))) {
        // a worker: its leader's domain (the controller's nodeSelector, set once the leader is bound)
        affinity.add(term(lwsKey, Optional.empty(), LabelSelector.Requirement.of(PodIndexKeys.LWS_GROUP_KEY, LabelSelector.Operator.In, groupKey),
            LabelSelector.Requirement.of(PodIndexKeys.LWS_WORKER_INDEX, LabelSelector.Operator.In, "0")));
      } else {
        affinity.add(term(lwsKey, Optional.empty(), LabelSelector.Requirement.of(PodIndexKeys.LWS_GROUP_KEY, LabelSelector.Operator.In, groupKey)));
        anti.add(term(lwsKey, Optional.empty(),
            LabelSelector.Requirement.of(PodIndexKeys.LWS_GROUP_KEY, LabelSelector.Operator.Exists),
            LabelSelector.Requirement.of(PodIndexKeys.LWS_GROUP_KEY, LabelSelector.Operator.NotIn, groupKey)));
      }
    }
    return InterPodRules.builder().labels(labels).requiredAffinity(affinity).requiredAntiAffinity(anti).build();
  }

  /**
   * The pod's {@code spec.priority} as the Priority admission plugin sets it before the webhook runs:
   * the value when given, 0 without a class; with a class and no value the class name stands in
   * (pods of one class still match each other; the class's number is not in the input).
   */
  private static String priority(ExpandedPod p) {
    if (p.spec().getPriority() != null) {
      return Integer.toString(p.spec().getPriority());
    }
    String cls = p.spec().getPriorityClassName();
    return cls == null || cls.isEmpty() ? "0" : cls;
  }

  private static PodAffinityTerm term(String key, Optional<LabelSelector> namespaces, LabelSelector.Requirement... requirements) {
    return PodAffinityTerm.builder().labelSelector(LabelSelector.builder().addMatchExpressions(requirements).build())
        .namespaceSelector(namespaces).topologyKey(key).build();
  }
}
