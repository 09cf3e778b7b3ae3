package dev.aiinfra.scheduling.model;

import dev.aiinfra.core.model.DiagnosticCode;

/**
 * The diagnostic codes of {@code ai-infra-scheduling}: gang placement (the native Workload API's gang
 * scheduling, KEP-4671, and Kueue topology-aware scheduling), gang rendering for each target, JobSet
 * rendering and the restart advice (KEP-5307 container restart rules, JobSet failure policy). Each
 * constant says what the finding means and what to do about it.
 */
public enum SchedulingCode implements DiagnosticCode {
  // ---- placement: Kueue TAS request validation ----
  /** A pod set asks for a slice level without a slice size. Set {@code kueue.x-k8s.io/podset-slice-size}. */
  GANG_SLICE_SIZE_MISSING,
  /** A requested topology level (the pod set's, its slices', or an inner slice layer's) is not a level of the Topology. Use one of its levels. */
  GANG_TOPOLOGY_LEVEL_MISSING,
  /**
   * A pod set of a TAS flavor names no topology level and is not marked unconstrained. Set
   * {@code kueue.x-k8s.io/podset-unconstrained-topology: "true"}, or name a required or preferred level.
   */
  GANG_TOPOLOGY_LEVEL_UNSET,
  /** The slice level is above the pod set's topology level. Put the slice level at or below it. */
  GANG_SLICE_ABOVE_TOPOLOGY,
  /** Inner slice layers are not listed from the outermost to the innermost level. List them top down, each strictly lower. */
  GANG_SLICE_LAYER_ORDER,
  /** An inner slice layer's size does not divide the size of the layer above. Make every inner size divide its parent's. */
  GANG_SLICE_LAYER_SIZE,
  /** The pod count is not a multiple of the slice size. Make it one. */
  GANG_SLICE_SIZE_UNEVEN,
  // ---- placement: outcomes ----
  /**
   * No topology domain exists at the requested level: no Ready, schedulable node carries every level
   * label (or the topology key). Label the nodes, or make them schedulable.
   */
  GANG_NO_TOPOLOGY_DOMAINS,
  /**
   * The pod set does not fit the topology (Kueue's message, word for word: how many pods or slices fit
   * out of how many, and why nodes were excluded). Add capacity in one domain, relax the level
   * (preferred instead of required), or lower the pod count.
   */
  GANG_TOPOLOGY_NOT_FIT,
  // ---- placement: Kueue admission (LocalQueue -> ClusterQueue, flavors, quota) ----
  /** The gang's {@code kueue.x-k8s.io/queue-name} names no LocalQueue in its namespace (Kueue: "LocalQueue X doesn't exist"). Create it or fix the label. */
  KUEUE_LOCAL_QUEUE_MISSING,
  /** The LocalQueue points at a ClusterQueue that does not exist (Kueue: "ClusterQueue X doesn't exist"). Create it or fix {@code spec.clusterQueue}. */
  KUEUE_CLUSTER_QUEUE_MISSING,
  /**
   * The ClusterQueue admits nothing (Kueue: "ClusterQueue X is inactive"): it is stopped, names a
   * missing ResourceFlavor or Topology, or sits in a cohort cycle; the hint says which. Fix the cause.
   */
  KUEUE_CLUSTER_QUEUE_INACTIVE,
  /** The ClusterQueue's {@code namespaceSelector} does not select the gang's namespace (absent selects none). Widen the selector. */
  KUEUE_NAMESPACE_NOT_SELECTED,
  /**
   * No flavor of the ClusterQueue serves a pod set (Kueue's "couldn't assign flavors" with untolerated
   * flavor taints, node affinity, TAS support, or a resource the queue does not cover). Match the pod
   * template to a flavor, or add the resource to a resource group.
   */
  KUEUE_NO_MATCHING_FLAVOR,
  /**
   * The gang asks for more than the ClusterQueue could ever hold, even borrowing everything its cohort
   * lends (Kueue: "insufficient quota ... > maximum capacity"). Raise the quota or borrowing limit, or shrink the gang.
   */
  KUEUE_QUOTA_EXCEEDED,
  /**
   * The quota is there but taken by gangs admitted earlier (Kueue: "insufficient unused quota ... more
   * needed"); Kueue keeps the gang pending. Wait for quota, borrow more, or allow preemption.
   */
  KUEUE_QUOTA_UNAVAILABLE,
  /** A podset group has more than two pod sets; a group is workers plus at most one leader. Split the pods. */
  GANG_PODSET_GROUP_TOO_LARGE,
  /** The leader pod set of a podset group does not have count 1. A group pairs one leader pod with its workers. */
  GANG_LEADER_COUNT,
  /**
   * The native gang's minCount cannot be met in any single domain of the topology key (or on the
   * cluster). Add capacity, lower minCount, or relax the topology constraint.
   */
  GANG_MIN_COUNT_NOT_MET,
  /**
   * Fewer pods of the gang exist than its minCount (or, for a Kueue pod group, than its total count):
   * the scheduler waits and nothing is placed. Create every pod of the group, or lower minCount.
   */
  GANG_TOO_FEW_PODS,
  /**
   * A pod of the gang has no node left where its required pod affinity holds (kube-scheduler's
   * "node(s) didn't match pod affinity rules"): no pod it must join is in a domain with room.
   * Check the term's labelSelector, namespaces and topologyKey, or add capacity in that domain.
   */
  GANG_POD_AFFINITY,
  /**
   * A pod of the gang would share a domain with pods its required anti-affinity excludes
   * (kube-scheduler's "node(s) didn't match pod anti-affinity rules"); JobSet and LeaderWorkerSet
   * exclusive placement fail this way when there are fewer free domains than Jobs or groups. Add
   * domains, or relax the term.
   */
  GANG_POD_ANTI_AFFINITY,
  /**
   * Pods already bound exclude the gang's pods from their domains by their own required
   * anti-affinity (kube-scheduler's "node(s) didn't satisfy existing pods anti-affinity rules").
   * Place the gang elsewhere, or relax the running pods' terms.
   */
  GANG_EXISTING_ANTI_AFFINITY,
  /**
   * The domain of the gang's already-bound pods cannot be determined (a node missing from the
   * snapshot, a node without the topology label, or pods in more than one domain), so kube-scheduler
   * refuses to place the rest. Add the nodes to the input, or fix the bound pods.
   */
  GANG_BOUND_DOMAIN_UNKNOWN,
  // ---- rendering a gang ----
  /** The target Kubernetes version has no Workload API (before 1.35). Target 1.35+, or render for Kueue, Volcano or coscheduling. */
  GANG_API_UNAVAILABLE,
  /**
   * The target or Kubernetes version cannot express a pod group setting (topology, priority, disruption
   * mode, resource claims); rendering would drop it, so attaching refuses. Change the target or version, or drop the setting.
   */
  GANG_FIELD_UNSUPPORTED,
  /** A Kueue gang has no queue name; Kueue admits only workloads with {@code kueue.x-k8s.io/queue-name}. Set queueName on the gang. */
  GANG_QUEUE_MISSING,
  /**
   * A Kueue pod group's minCount differs from its pod count: Kueue admits the whole group, never a
   * smaller quorum. Set minCount to the pod count, or use the native Workload API.
   */
  GANG_MIN_COUNT_MISMATCH,
  /** Volcano places by HyperNode tiers: {@code networkTopology.highestTierName} must be the tierName of your HyperNodes. A note. */
  GANG_VOLCANO_TIER,
  /** The LeaderWorkerSet controller creates one pod group per LWS group itself (native or Volcano); the pod templates are left to it. A note. */
  GANG_PER_GROUP,
  /**
   * A rendered setting needs a Kubernetes feature gate that is off in the profile (the path names the
   * gate). Enable it on the API server and scheduler, or drop the setting.
   */
  GATE_OFF,
  /**
   * A JobSet setting needs a feature gate of the JobSet controller (RestartJob, InPlaceRestart), alpha
   * and off by default. Start the controller with the gate on.
   */
  JOBSET_GATE,
  // ---- restart advice ----
  /** Exit code 137 (OOM kill) is left out of the in-place restart rules: the same memory limit would be hit again. A note. */
  RESTART_OOM_NOT_IN_PLACE,
  /** The listed exit codes restart every container of the pod in place ({@code RestartAllContainers}), keeping node and devices. A note. */
  RESTART_ALL_IN_PLACE,
  /**
   * A pod-wide restart is needed, but {@code RestartAllContainersOnContainerExits} is off, so only the
   * failed container restarts. Enable the gate for a consistent pod-wide restart.
   */
  RESTART_ALL_UNAVAILABLE,
  /** The listed exit codes restart the failed container in place ({@code Restart} rule): same node, same GPUs. A note. */
  RESTART_IN_PLACE,
  /** Preemption recreates the JobSet without spending maxRestarts. Give the Job a podFailurePolicy that fails it on DisruptionTarget. */
  RECREATE_ON_PREEMPTION,
  /** Node loss cannot be recovered in place: the JobSet recreates its Jobs on other nodes. A note. */
  RECREATE_ON_NODE_LOSS,
  // ---- Kueue objects: the webhooks' and CRD rules (kueue.x-k8s.io/v1beta2) ----
  /**
   * A name or a reference to one (metadata.name, cohortName, parentName, a flavor's name, a LocalQueue's
   * clusterQueue, topologyName, an admission check, a covered resource) breaks the API's naming rules:
   * object names are DNS-1123 subdomains, namespaces DNS-1123 labels, resources qualified names. Rename it.
   */
  KUEUE_NAME_INVALID,
  /** A label key or value (a flavor's nodeLabels, a namespaceSelector, a taint or toleration) is not a valid label. Fix the key or value. */
  KUEUE_LABEL_INVALID,
  /** A required field is missing or empty (a group's coveredResources or flavors, a flavor's resources, a LocalQueue's clusterQueue). Set it. */
  KUEUE_REQUIRED,
  /**
   * A list is longer than Kueue allows (nodeLabels, nodeTaints and tolerations 8; resourceGroups 16;
   * coveredResources, flavors and resources 64 per group; 256 flavors or covered resources per queue;
   * 512 flavor-resource pairs per group; 64 admission checks; a description of 2048 characters). Split or shorten it.
   */
  KUEUE_TOO_MANY,
  /** Two taints of a ResourceFlavor have the same key and effect. Keep one. */
  KUEUE_TAINT_DUPLICATE,
  /** A ResourceFlavor names a topology but no nodeLabels; Kueue needs labels to find the flavor's nodes. Add the accelerator or pool label. */
  KUEUE_FLAVOR_TOPOLOGY_WITHOUT_LABELS,
  /**
   * A flavor's resources are not the group's coveredResources, one for one and in the same order. List
   * exactly the covered resources, in their order, in every flavor.
   */
  KUEUE_RESOURCE_ORDER,
  /** A resource is covered by two resource groups (or twice in one). Cover each resource in one group. */
  KUEUE_RESOURCE_DUPLICATE,
  /** A flavor appears in two resource groups (or twice in one). Use each flavor in one group; make another flavor for other resources. */
  KUEUE_FLAVOR_DUPLICATE,
  /** A nominalQuota, borrowingLimit or lendingLimit is negative. Use 0 or more. */
  KUEUE_QUOTA_NEGATIVE,
  /**
   * A borrowingLimit or lendingLimit is set on a ClusterQueue without cohortName (or a Cohort without
   * parentName): there is nobody to borrow from or lend to. Join a cohort, or drop the limit.
   */
  KUEUE_LIMIT_WITHOUT_COHORT,
  /** A ClusterQueue's lendingLimit is above its nominalQuota; it cannot lend more than it has. Lower the limit. */
  KUEUE_LENDING_OVER_NOMINAL,
  /** A value is not one the field takes (e.g. reclaimWithinCohort: LowerOrNewerEqualPriority, which only withinClusterQueue takes). Use a listed value. */
  KUEUE_VALUE_UNSUPPORTED,
  /** reclaimWithinCohort is Never but borrowWithinCohort.policy is not: Kueue refuses the combination. Allow reclaiming, or set borrowWithinCohort to Never. */
  KUEUE_PREEMPTION_CONFLICT,
  /** flavorFungibility.preference is set but whenCanBorrow and whenCanPreempt are not both TryNextFlavor. Set both, or drop the preference. */
  KUEUE_FUNGIBILITY_PREFERENCE,
  /** A fair-sharing weight is negative, or positive but at most 1n (it would collapse to zero). Use 0, or more than 1n. */
  KUEUE_FAIR_SHARING_WEIGHT,
  /** An admission check is listed twice, or runs on a flavor (onFlavors) the ClusterQueue does not have. List each check once, on the queue's flavors. */
  KUEUE_ADMISSION_CHECK_INVALID,
  // ---- the Kueue GPU queue recipe ----
  /**
   * No Ready, schedulable node carries the accelerator label, so there is no flavor to derive. Give the
   * GPU nodes (with their labels), or name the label they carry (--accelerator-label).
   */
  KUEUE_RECIPE_NO_ACCELERATOR_NODES,
  /** Nodes with the accelerator label are NotReady or unschedulable; their capacity is left out of the quota. A note. */
  KUEUE_RECIPE_NODES_SKIPPED,
  /**
   * Nodes of a flavor lack a label of a topology level; Kueue's topology-aware scheduling leaves them
   * out, so the quota counts capacity TAS cannot place on. Label the nodes, or choose other levels.
   */
  KUEUE_RECIPE_NODES_WITHOUT_LEVELS
}
