package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/go-logr/logr"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/tools/events"
	"k8s.io/utils/clock"
	"sigs.k8s.io/controller-runtime/pkg/client"

	configapi "sigs.k8s.io/kueue/apis/config/v1beta2"
	kueue "sigs.k8s.io/kueue/apis/kueue/v1beta2"
	schdcache "sigs.k8s.io/kueue/pkg/cache/scheduler"
	"sigs.k8s.io/kueue/pkg/controller/jobframework"
	"sigs.k8s.io/kueue/pkg/resources"
	"sigs.k8s.io/kueue/pkg/scheduler/flavorassigner"
	"sigs.k8s.io/kueue/pkg/scheduler/preemption"
	utiltas "sigs.k8s.io/kueue/pkg/util/tas"
	"sigs.k8s.io/kueue/pkg/workload"
)

const kueueQueueNameLabel = "kueue.x-k8s.io/queue-name"

// emptyLister is the API client Kueue's cache lists LocalQueues and Workloads through when a
// ClusterQueue is added (a controller restart's catch-up): the oracle's cluster has none yet, they are
// added through the cache's own handlers below.
type emptyLister struct{ client.Client }

func (emptyLister) List(context.Context, client.ObjectList, ...client.ListOption) error { return nil }

// kueueObjects are the Kueue API objects of a `gang place` input.
type kueueObjects struct {
	topologies []*kueue.Topology
	flavors    []*kueue.ResourceFlavor
	cqs        []*kueue.ClusterQueue
	lqs        []*kueue.LocalQueue
	cohorts    []*kueue.Cohort
}

// kueueAdmit answers `gang place` when the input holds ClusterQueues: every pod group is a Workload
// submitted to its pods' LocalQueue and goes through Kueue's scheduler steps for one workload: the
// queue checks of the workload controller and scheduler.nominate, then flavorassigner.Assign on the
// cache's snapshot (flavors, quota with cohorts, then TAS on the assigned flavor), in input order; an
// admitted workload is added to the cache with its admission (quota and TAS usage) before the next.
func kueueAdmit(objs kueueObjects, nodes []*corev1.Node, bound []*corev1.Pod, gangs []*tasGang, stdout, stderr io.Writer) int {
	ctx := context.Background()
	log := logr.Discard()
	formatter := resources.NewResourceFormatter()
	cache := schdcache.New(emptyLister{}, schdcache.WithSchedulingSimulator(kueueDefaultSimulator()), schdcache.WithResourceFormatter(formatter))
	for _, t := range objs.topologies {
		cache.AddOrUpdateTopology(log, t)
	}
	for _, f := range objs.flavors {
		cache.AddOrUpdateResourceFlavor(log, f)
	}
	for _, c := range objs.cohorts {
		if err := cache.AddOrUpdateCohort(c); err != nil {
			return usageError(stderr, "cohort %s: %v", c.Name, err)
		}
	}
	for _, cq := range objs.cqs {
		if err := cache.AddClusterQueue(ctx, cq); err != nil {
			return usageError(stderr, "ClusterQueue %s: %v", cq.Name, err)
		}
	}
	for _, lq := range objs.lqs {
		if lq.Namespace == "" {
			lq.Namespace = "default"
		}
		if err := cache.AddLocalQueue(lq); err != nil {
			return usageError(stderr, "LocalQueue %s: %v", lq.Name, err)
		}
	}
	for _, n := range nodes {
		cache.TASCache().SyncNode(n)
	}
	for _, p := range bound {
		cache.TASCache().Update(p, log)
	}
	preemptor := preemption.New(emptyLister{}, workload.Ordering{}, events.NewFakeRecorder(1), nil, false, clock.RealClock{}, nil, nil, nil)

	fits := true
	var groupsOut, reasons, rejectedOut, rejectedReasons []orderedJSON
	for _, g := range gangs {
		if code := splitPodSets(g, stderr); code != exitOK {
			return code
		}
		total := len(g.pods)
		minCount := total
		if v, ok := g.pods[0].Annotations[kueueTotalCount]; ok {
			if _, err := fmt.Sscan(strings.TrimSpace(v), &minCount); err != nil {
				return usageError(stderr, "pod group %s: %s %q is not an integer", g.name, kueueTotalCount, v)
			}
		}
		emptySets := func() []orderedJSON {
			var out []orderedJSON
			for _, ps := range g.podSets {
				out = append(out, orderedJSON{{"name", ps.name}, {"count", len(ps.pods)}, {"placements", []any{}}})
			}
			return out
		}
		if minCount != total {
			fits = false
			rejectedOut = append(rejectedOut, orderedJSON{{"name", g.name}, {"minCount", minCount}, {"placed", 0}, {"podSets", emptySets()}})
			rejectedReasons = append(rejectedReasons, orderedJSON{{"code", "GANG_TOO_FEW_PODS"}, {"message", fmt.Sprintf(
				"%s: Kueue waits for all %d pods of pod group %s (%s); %d are in the input", g.name, minCount, g.name, kueueTotalCount, total)}})
			continue
		}
		lqName := g.pods[0].Labels[kueueQueueNameLabel]
		if lqName == "" {
			return usageError(stderr, "pod group %s has no %s (the oracle admits queued pod groups only when ClusterQueues are given)", g.name, kueueQueueNameLabel)
		}
		wl, err := workloadOf(g, lqName)
		if err != nil {
			return usageError(stderr, "pod group %s: %v", g.name, err)
		}
		snapshot, err := cache.Snapshot(ctx)
		if err != nil {
			fmt.Fprintf(stderr, "error: %v\n", err)
			return exitError
		}
		refuse := func(code, message string, admission orderedJSON) {
			fits = false
			groupsOut = append(groupsOut, orderedJSON{{"name", g.name}, {"minCount", minCount}, {"placed", 0}, {"admission", admission}, {"podSets", emptySets()}})
			reasons = append(reasons, orderedJSON{{"code", code}, {"message", g.name + ": " + message}})
		}
		// The workload controller's queue blockers (getQueueBlocker), then scheduler.nominate's checks.
		var lq *kueue.LocalQueue
		for _, q := range objs.lqs {
			if q.Namespace == g.namespace && q.Name == lqName {
				lq = q
			}
		}
		if lq == nil {
			refuse("KUEUE_LOCAL_QUEUE_MISSING", fmt.Sprintf("LocalQueue %s doesn't exist", lqName), admissionJSON(lqName, "", nil, nil, nil, formatter))
			continue
		}
		cqName := kueue.ClusterQueueReference(lq.Spec.ClusterQueue)
		var cqObj *kueue.ClusterQueue
		for _, q := range objs.cqs {
			if q.Name == string(cqName) {
				cqObj = q
			}
		}
		if cqObj == nil {
			refuse("KUEUE_CLUSTER_QUEUE_MISSING", fmt.Sprintf("ClusterQueue %s doesn't exist", cqName), admissionJSON(lqName, string(cqName), nil, nil, nil, formatter))
			continue
		}
		cq := snapshot.ClusterQueue(cqName)
		if snapshot.InactiveClusterQueueSets.Has(cqName) || cq == nil {
			refuse("KUEUE_CLUSTER_QUEUE_INACTIVE", fmt.Sprintf("ClusterQueue %s is inactive", cqName), admissionJSON(lqName, string(cqName), cqObj, nil, nil, formatter))
			continue
		}
		if cq.NamespaceSelector == nil || !cq.NamespaceSelector.Matches(labels.Set{corev1.LabelMetadataName: g.namespace}) {
			refuse("KUEUE_NAMESPACE_NOT_SELECTED", workload.ErrNamespaceMismatch.Error(), admissionJSON(lqName, string(cqName), cqObj, cq, nil, formatter))
			continue
		}
		info := workload.NewInfo(wl)
		info.ClusterQueue = cqName
		assigner := flavorassigner.New(info, cq, snapshot.ResourceFlavors, false, preemption.NewOracle(preemptor, snapshot), nil,
			configapi.QuotaCheckStrategy(""), formatter, 1)
		assignment := assigner.Assign(ctx, nil)
		if assignment.RepresentativeMode() != flavorassigner.Fit {
			message := assignment.Message()
			refuse(admissionCode(message), message, admissionJSON(lqName, string(cqName), cqObj, cq, nil, formatter))
			continue
		}
		// Admitted: the cache takes the workload with its admission (scheduler.admit → cache.AssumeWorkload).
		admission := &kueue.Admission{ClusterQueue: cqName, PodSetAssignments: assignment.ToAPI(log)}
		workload.SetQuotaReservation(wl, admission, clock.RealClock{})
		cache.AddOrUpdateWorkload(log, wl)
		var sets []orderedJSON
		var flavorsOut []orderedJSON
		levels := levelsOf(objs, snapshot)
		for i, ps := range g.podSets {
			psa := admission.PodSetAssignments[i]
			set := orderedJSON{{"name", ps.name}, {"count", len(ps.pods)}}
			if psa.TopologyAssignment != nil {
				internal := utiltas.InternalFrom(psa.TopologyAssignment)
				flavorLevels := levels[flavorOfAssignment(psa, snapshot)]
				var domains []orderedJSON
				for _, d := range internal.Domains {
					values := d.Values
					if len(internal.Levels) < len(flavorLevels) && len(values) == 1 {
						values = nodeLevelValues(nodes, flavorLevels, values[0])
					}
					domains = append(domains, orderedJSON{{"values", values}, {"count", d.Count}})
				}
				if domains == nil {
					domains = []orderedJSON{}
				}
				set = append(set, kv{"topologyAssignment", orderedJSON{{"levels", flavorLevels}, {"domains", domains}}})
			}
			set = append(set, kv{"placements", []any{}})
			sets = append(sets, set)
			var res []string
			for r := range psa.Flavors {
				res = append(res, string(r))
			}
			sort.Strings(res)
			for _, r := range res {
				flavorsOut = append(flavorsOut, orderedJSON{{"podSet", ps.name}, {"resource", r}, {"flavor", string(psa.Flavors[corev1.ResourceName(r)])}})
			}
		}
		after, err := cache.Snapshot(ctx)
		if err != nil {
			fmt.Fprintf(stderr, "error: %v\n", err)
			return exitError
		}
		adm := admissionJSON(lqName, string(cqName), cqObj, after.ClusterQueue(cqName), assignment.Usage.Quota, formatter)
		adm[2] = kv{"flavors", nonNil(flavorsOut)}
		groupsOut = append(groupsOut, orderedJSON{{"name", g.name}, {"minCount", minCount}, {"placed", total}, {"admission", adm}, {"podSets", sets}})
	}
	groupsOut = append(groupsOut, rejectedOut...)
	reasons = append(reasons, rejectedReasons...)
	if err := writeJSON(stdout, orderedJSON{{"fits", fits}, {"podGroups", nonNil(groupsOut)}, {"reasons", nonNil(reasons)}}); err != nil {
		return exitError
	}
	if !fits {
		return exitNegative
	}
	return exitOK
}

func nonNil(s []orderedJSON) []orderedJSON {
	if s == nil {
		return []orderedJSON{}
	}
	return s
}

// workloadOf is the Workload Kueue's pod-group integration creates for the pod group: one pod set per
// ai-infra pod set (template = its first pod's spec, topology request from its annotations).
func workloadOf(g *tasGang, lqName string) (*kueue.Workload, error) {
	wl := &kueue.Workload{}
	wl.Name = g.name
	wl.Namespace = g.namespace
	wl.UID = types.UID("uid-" + g.name)
	wl.Spec.QueueName = kueue.LocalQueueName(lqName)
	for _, ps := range g.podSets {
		tr, err := jobframework.NewPodSetTopologyRequest(&ps.first.ObjectMeta).PodIndexLabel(new(kueue.PodGroupPodIndexLabel)).Build()
		if err != nil {
			return nil, fmt.Errorf("pod set %s: %w", ps.name, err)
		}
		wl.Spec.PodSets = append(wl.Spec.PodSets, kueue.PodSet{
			Name:            kueue.PodSetReference(ps.name),
			Count:           int32(len(ps.pods)),
			Template:        corev1.PodTemplateSpec{Spec: *ps.first.Spec.DeepCopy()},
			TopologyRequest: tr,
		})
	}
	return wl, nil
}

// admissionCode is ai-infra's stable code for Kueue's flavor-assignment message: a TAS failure's own
// code, else by the quota reasons the message holds (unused quota: waiting; past the maximum: never).
func admissionCode(message string) string {
	const prefix = "couldn't assign flavors to pod set "
	code := ""
	// One part per pod set; a TAS reason holds "; " itself ("Total nodes: N; excluded: ...").
	for _, part := range strings.Split(message, "; "+prefix) {
		reason := strings.TrimPrefix(part, prefix)
		if i := strings.Index(reason, ": "); i >= 0 {
			reason = reason[i+2:]
		}
		c := "KUEUE_NO_MATCHING_FLAVOR"
		switch {
		case tasReasonCode(reason) != "GANG_TAS_FAILURE":
			c = tasReasonCode(reason)
		case strings.Contains(reason, "insufficient unused quota"):
			c = "KUEUE_QUOTA_UNAVAILABLE"
		case strings.Contains(reason, "> maximum capacity"):
			c = "KUEUE_QUOTA_EXCEEDED"
		}
		if code == "" || severity(c) > severity(code) {
			code = c
		}
	}
	return code
}

func severity(code string) int {
	switch code {
	case "KUEUE_NO_MATCHING_FLAVOR":
		return 4
	case "KUEUE_QUOTA_EXCEEDED":
		return 3
	case "KUEUE_QUOTA_UNAVAILABLE":
		return 2
	}
	return 1
}

// admissionJSON is ai-infra's `admission` object: the queues, and every (flavor, resource) quota of
// the ClusterQueue with its usage in the cache's snapshot.
func admissionJSON(lq, cq string, cqObj *kueue.ClusterQueue, snap *schdcache.ClusterQueueSnapshot, requested resources.FlavorResourceQuantities,
	f *resources.ResourceFormatter) orderedJSON {
	quota := []orderedJSON{}
	if cqObj != nil {
		for _, rg := range cqObj.Spec.ResourceGroups {
			for _, fq := range rg.Flavors {
				for _, rq := range fq.Resources {
					fr := resources.FlavorResource{Flavor: fq.Name, Resource: rq.Name}
					var used, req int64
					if snap != nil {
						used = snap.ResourceNode.Usage[fr].Int64()
					}
					if requested != nil {
						req = requested[fr].Int64()
					}
					nominal := resources.AmountFromQuantity(rq.Name, rq.NominalQuota).Int64()
					borrowed := max(int64(0), used-nominal)
					quota = append(quota, orderedJSON{{"flavor", string(fq.Name)}, {"resource", string(rq.Name)},
						{"requested", f.ResourceQuantityString(rq.Name, req)}, {"used", f.ResourceQuantityString(rq.Name, used)},
						{"nominal", f.ResourceQuantityString(rq.Name, nominal)}, {"borrowed", f.ResourceQuantityString(rq.Name, borrowed)}})
				}
			}
		}
	}
	return orderedJSON{{"localQueue", lq}, {"clusterQueue", cq}, {"flavors", []orderedJSON{}}, {"quota", quota}}
}

// levelsOf maps every TAS flavor to its Topology's levels.
func levelsOf(objs kueueObjects, _ *schdcache.Snapshot) map[kueue.ResourceFlavorReference][]string {
	out := map[kueue.ResourceFlavorReference][]string{}
	for _, f := range objs.flavors {
		if f.Spec.TopologyName == nil {
			continue
		}
		for _, t := range objs.topologies {
			if t.Name == string(*f.Spec.TopologyName) {
				out[kueue.ResourceFlavorReference(f.Name)] = utiltas.Levels(t)
			}
		}
	}
	return out
}

// flavorOfAssignment is the TAS flavor of a pod set's assignment.
func flavorOfAssignment(psa kueue.PodSetAssignment, snap *schdcache.Snapshot) kueue.ResourceFlavorReference {
	var names []string
	for _, f := range psa.Flavors {
		names = append(names, string(f))
	}
	sort.Strings(names)
	for _, n := range names {
		if f := snap.ResourceFlavors[kueue.ResourceFlavorReference(n)]; f != nil && f.Spec.TopologyName != nil {
			return kueue.ResourceFlavorReference(n)
		}
	}
	return ""
}

// nodeLevelValues expands a hostname domain to the node's full path (ai-infra's contract).
func nodeLevelValues(nodes []*corev1.Node, levels []string, hostname string) []string {
	for _, n := range nodes {
		if n.Labels[corev1.LabelHostname] == hostname {
			return utiltas.LevelValues(levels, n.Labels)
		}
	}
	return []string{hostname}
}
