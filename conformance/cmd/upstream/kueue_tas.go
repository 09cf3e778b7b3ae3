package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	_ "unsafe" // go:linkname

	"github.com/go-logr/logr"
	corev1 "k8s.io/api/core/v1"
	resourcehelpers "k8s.io/component-helpers/resource"

	kueue "sigs.k8s.io/kueue/apis/kueue/v1beta2"
	schdcache "sigs.k8s.io/kueue/pkg/cache/scheduler"
	"sigs.k8s.io/kueue/pkg/cache/scheduler/simulator"
	"sigs.k8s.io/kueue/pkg/controller/jobframework"
	"sigs.k8s.io/kueue/pkg/resources"
	utiltas "sigs.k8s.io/kueue/pkg/util/tas"
	"sigs.k8s.io/kueue/pkg/workload"
)

// Kueue's default scheduling simulator (taints, nodeSelector, required affinity), unexported in
// pkg/cache/scheduler; linked, not copied.
//
//go:linkname kueueDefaultSimulator sigs.k8s.io/kueue/pkg/cache/scheduler.newDefaultSimulator
func kueueDefaultSimulator() simulator.SchedulingSimulator

// TASFlavorCache.snapshot: the per-cycle TASFlavorSnapshot Kueue's scheduler takes (tree from the
// nodes cache, non-TAS pod usage, TAS usage of admitted workloads).
//
//go:linkname kueueFlavorSnapshot sigs.k8s.io/kueue/pkg/cache/scheduler.(*TASFlavorCache).snapshot
func kueueFlavorSnapshot(c *schdcache.TASFlavorCache, ctx context.Context, log logr.Logger,
	aggregated map[utiltas.TopologyDomainID]resources.Requests) (*schdcache.TASFlavorSnapshot, error)

// TASFlavorSnapshot.addTASUsage: what admitting a workload adds to a leaf domain (the scheduler's
// snapshot.AddWorkload path), so that the next gang sees the previous one's pods.
//
//go:linkname kueueAddTASUsage sigs.k8s.io/kueue/pkg/cache/scheduler.(*TASFlavorSnapshot).addTASUsage
func kueueAddTASUsage(s *schdcache.TASFlavorSnapshot, domainID utiltas.TopologyDomainID, usage resources.Requests)

func init() { register("gang place", gangPlace) }

const (
	kueuePodGroupName  = "kueue.x-k8s.io/pod-group-name"
	kueueTotalCount    = "kueue.x-k8s.io/pod-group-total-count"
	kueuePodSetLabel   = "kueue.x-k8s.io/podset"
	kueueDefaultFlavor = "tas-flavor"
)

// tasPodSet is one pod set of a gang as ai-infra groups it: the pods of a Kueue pod group with the
// same role, requests, placement rules and TAS annotations.
type tasPodSet struct {
	name  string
	pods  []*corev1.Pod
	first *corev1.Pod
}

type tasGang struct {
	namespace, name string
	pods            []*corev1.Pod
	podSets         []*tasPodSet
}

// gangPlace answers `ai-infra gang place` for Kueue pod groups with Kueue's TAS
// (TASFlavorSnapshot.FindTopologyAssignmentsForFlavor), one workload per pod group, in input order.
func gangPlace(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("gang place", stderr)
	var files fileList
	fs.Var(&files, "f", "input file, folder or -")
	fs.Var(&files, "filename", "input file, folder or -")
	levelsFlag := fs.String("topology-levels", "", "level label keys, top first")
	fs.String("feature-gates", "", "Kubernetes feature gates (accepted, not used by TAS)")
	fs.String("kubernetes-version", "", "Kubernetes version (accepted, not used by TAS)")
	output := fs.String("o", "text", "output")
	fs.StringVar(output, "output", "text", "output")
	if err := fs.Parse(args); err != nil {
		return exitInvalid
	}
	objs, err := readObjects(files)
	if err != nil {
		return usageError(stderr, "%v", err)
	}
	var nodes []*corev1.Node
	var bound []*corev1.Pod
	var topologies []*kueue.Topology
	var flavors []*kueue.ResourceFlavor
	var gangs []*tasGang
	var queues kueueObjects
	byKey := map[string]*tasGang{}
	for _, o := range objs {
		if o.name() == "" {
			// The API server requires a name; so does ai-infra.
			return usageError(stderr, "%s: document %d: metadata.name: Required value", o.file, o.index)
		}
		switch {
		case o.kind() == "Node" && o.apiVersion() == "v1":
			n := &corev1.Node{}
			if err := o.into(n); err != nil {
				return usageError(stderr, "%v", err)
			}
			nodes = append(nodes, n)
		case o.kind() == "Pod" && o.apiVersion() == "v1":
			p := &corev1.Pod{}
			if err := o.into(p); err != nil {
				return usageError(stderr, "%v", err)
			}
			if p.Namespace == "" {
				p.Namespace = "default"
			}
			if p.Spec.NodeName != "" {
				if p.Status.Phase != corev1.PodSucceeded && p.Status.Phase != corev1.PodFailed {
					bound = append(bound, p)
				}
				continue
			}
			group, ok := p.Annotations[kueuePodGroupName]
			if !ok {
				group, ok = p.Labels[kueuePodGroupName]
			}
			if !ok {
				return usageError(stderr, "%s: document %d: pod %s is not in a Kueue pod group (the oracle answers Kueue TAS only)", o.file, o.index, p.Name)
			}
			key := p.Namespace + "/" + group
			g := byKey[key]
			if g == nil {
				g = &tasGang{namespace: p.Namespace, name: group}
				byKey[key] = g
				gangs = append(gangs, g)
			}
			g.pods = append(g.pods, p)
		case o.kind() == "Topology" && strings.HasPrefix(o.apiVersion(), "kueue.x-k8s.io/"):
			t := &kueue.Topology{}
			if err := o.into(t); err != nil {
				return usageError(stderr, "%v", err)
			}
			topologies = append(topologies, t)
		case o.kind() == "ResourceFlavor" && strings.HasPrefix(o.apiVersion(), "kueue.x-k8s.io/"):
			f := &kueue.ResourceFlavor{}
			if err := o.into(f); err != nil {
				return usageError(stderr, "%v", err)
			}
			flavors = append(flavors, f)
		case o.kind() == "ClusterQueue" && strings.HasPrefix(o.apiVersion(), "kueue.x-k8s.io/"):
			q := &kueue.ClusterQueue{}
			if err := o.into(q); err != nil {
				return usageError(stderr, "%v", err)
			}
			queues.cqs = append(queues.cqs, q)
		case o.kind() == "LocalQueue" && strings.HasPrefix(o.apiVersion(), "kueue.x-k8s.io/"):
			q := &kueue.LocalQueue{}
			if err := o.into(q); err != nil {
				return usageError(stderr, "%v", err)
			}
			queues.lqs = append(queues.lqs, q)
		case o.kind() == "Cohort" && strings.HasPrefix(o.apiVersion(), "kueue.x-k8s.io/"):
			c := &kueue.Cohort{}
			if err := o.into(c); err != nil {
				return usageError(stderr, "%v", err)
			}
			queues.cohorts = append(queues.cohorts, c)
		default:
			return usageError(stderr, "%s: document %d: unsupported kind %s", o.file, o.index, o.kind())
		}
	}

	// The ai-infra contract (issue 15): nodes without a pod group to place are a usage error, not "fits".
	if len(gangs) == 0 {
		return usageError(stderr, "%s: no gang to place", strings.Join(files, ", "))
	}

	// With ClusterQueues the pod groups are Workloads admitted through their queues (kueue_admit.go).
	if len(queues.cqs) > 0 {
		queues.topologies = topologies
		queues.flavors = flavors
		return kueueAdmit(queues, nodes, bound, gangs, stdout, stderr)
	}

	// The Topology: the object, else --topology-levels, else the hostname alone ("default").
	var topology *kueue.Topology
	switch {
	case len(topologies) == 1:
		topology = topologies[0]
	case len(topologies) > 1:
		return usageError(stderr, "several Kueue Topologies given")
	default:
		levels := []string{corev1.LabelHostname}
		if *levelsFlag != "" {
			levels = strings.Split(*levelsFlag, ",")
		}
		topology = &kueue.Topology{}
		topology.Name = "default"
		for _, l := range levels {
			topology.Spec.Levels = append(topology.Spec.Levels, kueue.TopologyLevel{NodeLabel: l})
		}
	}
	flavor := &kueue.ResourceFlavor{}
	flavor.Name = kueueDefaultFlavor
	for _, f := range flavors {
		for k, v := range f.Spec.NodeLabels {
			if flavor.Spec.NodeLabels == nil {
				flavor.Spec.NodeLabels = map[string]string{}
			}
			flavor.Spec.NodeLabels[k] = v
		}
		flavor.Spec.Tolerations = append(flavor.Spec.Tolerations, f.Spec.Tolerations...)
	}
	topologyName := kueue.TopologyReference(topology.Name)
	flavor.Spec.TopologyName = &topologyName

	// The TAS cache as Kueue's controllers fill it: nodes, non-TAS pods, the Topology and the flavor.
	ctx := context.Background()
	log := logr.Discard()
	cache := schdcache.NewTASCache(nil, kueueDefaultSimulator(), resources.NewResourceFormatter())
	for _, n := range nodes {
		cache.SyncNode(n)
	}
	for _, p := range bound {
		cache.Update(p, log)
	}
	cache.AddTopology(topology)
	cache.AddFlavor(flavor)
	flavorCache := cache.Get(kueue.ResourceFlavorReference(flavor.Name))
	if flavorCache == nil {
		return usageError(stderr, "no TAS flavor cache")
	}
	snapshot, err := kueueFlavorSnapshot(flavorCache, ctx, log, nil)
	if err != nil {
		fmt.Fprintf(stderr, "error: %v\n", err)
		return exitError
	}
	levels := utiltas.Levels(topology)
	nodePath := map[string][]string{}
	for _, n := range nodes {
		nodePath[n.Labels[corev1.LabelHostname]] = utiltas.LevelValues(levels, n.Labels)
	}

	fits := true
	var groupsOut []orderedJSON
	var reasons []orderedJSON
	// ai-infra lists the pod groups it tried first and those rejected before placement (too few pods) after them.
	var rejectedOut []orderedJSON
	var rejectedReasons []orderedJSON
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
		} else {
			return usageError(stderr, "pod group %s: %s is required", g.name, kueueTotalCount)
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
		var requests schdcache.FlavorTASRequests
		for _, ps := range g.podSets {
			tr, err := jobframework.NewPodSetTopologyRequest(&ps.first.ObjectMeta).PodIndexLabel(new(kueue.PodGroupPodIndexLabel)).Build()
			if err != nil {
				return usageError(stderr, "pod group %s: pod set %s: %v", g.name, ps.name, err)
			}
			kps := &kueue.PodSet{
				Name:            kueue.PodSetReference(ps.name),
				Count:           int32(len(ps.pods)),
				Template:        corev1.PodTemplateSpec{Spec: *ps.first.Spec.DeepCopy()},
				TopologyRequest: tr,
			}
			var groupName *string
			if tr != nil {
				groupName = tr.PodSetGroupName
			}
			requests = append(requests, schdcache.TASPodSetRequests{
				PodSet:            kps,
				SinglePodRequests: resources.NewRequestsFromPodSpec(&kps.Template.Spec),
				Count:             kps.Count,
				Flavor:            kueue.ResourceFlavorReference(flavor.Name),
				Implied:           !workload.IsExplicitlyRequestingTAS(*kps),
				PodSetGroupName:   groupName,
			})
		}
		result := snapshot.FindTopologyAssignmentsForFlavor(ctx, requests)
		if failure := result.Failure(); failure != nil {
			fits = false
			groupsOut = append(groupsOut, orderedJSON{{"name", g.name}, {"minCount", minCount}, {"placed", 0}, {"podSets", emptySets()}})
			reasons = append(reasons, orderedJSON{{"code", tasReasonCode(failure.Reason)}, {"message", g.name + ": " + failure.Reason}})
			continue
		}
		var sets []orderedJSON
		for i, ps := range g.podSets {
			a := result[kueue.PodSetReference(ps.name)].TopologyAssignment
			set := orderedJSON{{"name", ps.name}, {"count", len(ps.pods)}}
			if a != nil {
				var domains []orderedJSON
				for _, d := range a.Domains {
					values := d.Values
					if len(a.Levels) < len(levels) && len(values) == 1 {
						values = nodePath[values[0]]
					}
					domains = append(domains, orderedJSON{{"values", values}, {"count", d.Count}})
					usage := requests[i].SinglePodRequests.ScaledUp(int64(d.Count))
					usage.Add(resources.NewRequestsFromMap(map[corev1.ResourceName]int64{corev1.ResourcePods: int64(d.Count)}))
					kueueAddTASUsage(snapshot, utiltas.DomainID(d.Values), usage)
				}
				if domains == nil {
					domains = []orderedJSON{}
				}
				set = append(set, kv{"topologyAssignment", orderedJSON{{"levels", levels}, {"domains", domains}}})
			}
			set = append(set, kv{"placements", []any{}})
			sets = append(sets, set)
		}
		groupsOut = append(groupsOut, orderedJSON{{"name", g.name}, {"minCount", minCount}, {"placed", total}, {"podSets", sets}})
	}
	groupsOut = append(groupsOut, rejectedOut...)
	reasons = append(reasons, rejectedReasons...)
	if groupsOut == nil {
		groupsOut = []orderedJSON{}
	}
	if reasons == nil {
		reasons = []orderedJSON{}
	}
	if err := writeJSON(stdout, orderedJSON{{"fits", fits}, {"podGroups", groupsOut}, {"reasons", reasons}}); err != nil {
		return exitError
	}
	if !fits {
		return exitNegative
	}
	return exitOK
}

// splitPodSets groups a pod group's pods as ai-infra does: role (kueue.x-k8s.io/podset label, else
// "main"), effective requests, tolerations, nodeSelector, required affinity and the TAS annotations;
// names repeat with -2, -3, ... in order of first appearance.
func splitPodSets(g *tasGang, stderr io.Writer) int {
	bySig := map[string]*tasPodSet{}
	used := map[string]int{}
	for _, p := range g.pods {
		role := p.Labels[kueuePodSetLabel]
		if role == "" {
			role = "main"
		}
		var affinity any
		if p.Spec.Affinity != nil && p.Spec.Affinity.NodeAffinity != nil {
			affinity = p.Spec.Affinity.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution
		}
		tas := map[string]string{}
		for k, v := range p.Annotations {
			if strings.HasPrefix(k, "kueue.x-k8s.io/podset-") {
				tas[k] = v
			}
		}
		req := resourcehelpers.PodRequests(p, resourcehelpers.PodResourcesOptions{})
		sig, err := json.Marshal([]any{role, req, p.Spec.Tolerations, p.Spec.NodeSelector, affinity, tas})
		if err != nil {
			fmt.Fprintf(stderr, "error: %v\n", err)
			return exitError
		}
		ps := bySig[string(sig)]
		if ps == nil {
			used[role]++
			name := role
			if used[role] > 1 {
				name = fmt.Sprintf("%s-%d", role, used[role])
			}
			ps = &tasPodSet{name: name, first: p}
			bySig[string(sig)] = ps
			g.podSets = append(g.podSets, ps)
		}
		ps.pods = append(ps.pods, p)
	}
	return exitOK
}

// tasReasonCode is ai-infra's stable code for a Kueue TAS failure reason.
func tasReasonCode(reason string) string {
	switch {
	case strings.HasPrefix(reason, "topology \""):
		return "GANG_TOPOLOGY_NOT_FIT"
	case strings.HasPrefix(reason, "no topology domains at level"):
		return "GANG_NO_TOPOLOGY_DOMAINS"
	case strings.HasPrefix(reason, "no requested topology level"):
		return "GANG_TOPOLOGY_LEVEL_MISSING"
	case strings.HasPrefix(reason, "slice topology requested, but slice size not provided"):
		return "GANG_SLICE_SIZE_MISSING"
	case strings.HasPrefix(reason, "podset slice topology"):
		return "GANG_SLICE_ABOVE_TOPOLOGY"
	case strings.HasPrefix(reason, "additional slice layer topology"):
		return "GANG_SLICE_LAYER_ORDER"
	case strings.HasPrefix(reason, "additional slice layer size"):
		return "GANG_SLICE_LAYER_SIZE"
	case strings.HasPrefix(reason, "topology level not specified"):
		return "GANG_TOPOLOGY_LEVEL_UNSET"
	}
	return "GANG_TAS_FAILURE"
}
