package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	_ "unsafe" // go:linkname

	v1 "k8s.io/api/core/v1"
	resourceapi "k8s.io/api/resource/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/util/sets"
	"k8s.io/apimachinery/pkg/util/version"
	utilfeature "k8s.io/apiserver/pkg/util/feature"
	"k8s.io/dynamic-resource-allocation/cel"
	"k8s.io/dynamic-resource-allocation/structured"
	"k8s.io/kubernetes/pkg/api/legacyscheme"
	_ "k8s.io/kubernetes/pkg/apis/core/install"     // defaulting of Pods and Nodes
	_ "k8s.io/kubernetes/pkg/apis/resource/install" // defaulting of resource.k8s.io/v1
	_ "k8s.io/kubernetes/pkg/features"              // registers kube's versioned feature gates
	"k8s.io/kubernetes/pkg/scheduler/framework/plugins/dynamicresources"
	"k8s.io/kubernetes/pkg/scheduler/framework/plugins/feature"
)

// The scheduler's walk over a claim's allocation results (dedicated devices, shared devices with
// their share IDs, consumed capacity; admin-access results skipped), unexported in the DRA plugin;
// linked, not copied (build with -ldflags=-checklinkname=0).
//
//go:linkname foreachAllocatedDevice k8s.io/kubernetes/pkg/scheduler/framework/plugins/dynamicresources.foreachAllocatedDevice
func foreachAllocatedDevice(claim *resourceapi.ResourceClaim,
	dedicatedDeviceCallback func(deviceID structured.DeviceID),
	enabledConsumableCapacity bool,
	sharedDeviceCallback func(structured.SharedDeviceID),
	consumedCapacityCallback func(structured.DeviceConsumedCapacity))

func init() { register("dra allocate", draAllocate) }

// classLister serves the input DeviceClasses like the scheduler's informer-backed lister.
type classLister map[string]*resourceapi.DeviceClass

func (l classLister) List() ([]*resourceapi.DeviceClass, error) {
	names := make([]string, 0, len(l))
	for n := range l {
		names = append(names, n)
	}
	sort.Strings(names)
	out := make([]*resourceapi.DeviceClass, 0, len(l))
	for _, n := range names {
		out = append(out, l[n])
	}
	return out, nil
}

func (l classLister) Get(name string) (*resourceapi.DeviceClass, error) {
	if c, ok := l[name]; ok {
		return c, nil
	}
	return nil, apierrors.NewNotFound(resourceapi.Resource("deviceclasses"), name)
}

// draFeatures is what kube-scheduler derives from its feature gates: kube's versioned feature
// table at the emulated version (--kubernetes-version), the --feature-gates overrides, then
// feature.NewSchedulerFeaturesFromGates and dynamicresources.AllocatorFeatures.
func draFeatures(kubeVersion, gates string) (structured.Features, cel.Features, error) {
	fg := utilfeature.DefaultMutableFeatureGate.DeepCopy()
	if kubeVersion != "" {
		v, err := version.ParseMajorMinor(kubeVersion)
		if err != nil {
			return structured.Features{}, cel.Features{}, fmt.Errorf("--kubernetes-version %s: %v", kubeVersion, err)
		}
		if err := fg.SetEmulationVersion(v); err != nil {
			return structured.Features{}, cel.Features{}, fmt.Errorf("--kubernetes-version %s: %v", kubeVersion, err)
		}
	}
	if gates != "" {
		if err := fg.Set(gates); err != nil {
			return structured.Features{}, cel.Features{}, fmt.Errorf("--feature-gates: %v", err)
		}
	}
	if errs := fg.Validate(); len(errs) > 0 {
		return structured.Features{}, cel.Features{}, fmt.Errorf("--feature-gates: %v", errors.Join(errs...))
	}
	fts := feature.NewSchedulerFeaturesFromGates(fg)
	// The CEL cache as the DRA plugin builds it (New in dynamicresources.go).
	celFeatures := cel.Features{EnableConsumableCapacity: fts.EnableDRAConsumableCapacity, EnableListTypeAttributes: fts.EnableDRAListTypeAttributes}
	return dynamicresources.AllocatorFeatures(fts), celFeatures, nil
}

// draAllocate answers `ai-infra dra allocate`: one structured allocator (the incubating
// implementation, whose deterministic search order the SDK follows) built from the input slices,
// classes and allocated claims, asked node by node in name order like kube-scheduler's Filter.
func draAllocate(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("dra allocate", stderr)
	var files fileList
	fs.Var(&files, "f", "input file, folder or -")
	fs.Var(&files, "filename", "input file, folder or -")
	nodeFlag := fs.String("node", "", "only this node")
	kubeVersion := fs.String("kubernetes-version", "", "Kubernetes version")
	gates := fs.String("feature-gates", "", "feature gates")
	output := fs.String("o", "text", "output")
	fs.StringVar(output, "output", "text", "output")
	if err := fs.Parse(args); err != nil {
		return exitInvalid
	}
	if fs.NArg() > 0 {
		return usageError(stderr, "unexpected arguments %v", fs.Args())
	}
	features, celFeatures, err := draFeatures(*kubeVersion, *gates)
	if err != nil {
		return usageError(stderr, "%v", err)
	}
	objs, err := readObjects(files)
	if err != nil {
		return usageError(stderr, "%v", err)
	}

	var slices []*resourceapi.ResourceSlice
	classes := classLister{}
	var claims []*resourceapi.ResourceClaim
	var templates []*resourceapi.ResourceClaimTemplate
	var pods []*v1.Pod
	nodes := map[string]*v1.Node{}
	for _, o := range objs {
		var target interface{}
		switch o.kind() {
		case "ResourceSlice":
			s := &resourceapi.ResourceSlice{}
			slices, target = append(slices, s), s
		case "DeviceClass":
			c := &resourceapi.DeviceClass{}
			target = c
		case "ResourceClaim":
			c := &resourceapi.ResourceClaim{}
			claims, target = append(claims, c), c
		case "ResourceClaimTemplate":
			t := &resourceapi.ResourceClaimTemplate{}
			templates, target = append(templates, t), t
		case "Pod":
			p := &v1.Pod{}
			pods, target = append(pods, p), p
		case "Node":
			target = &v1.Node{}
		default:
			return usageError(stderr, "%s: document %d: dra takes ResourceSlice, DeviceClass, ResourceClaim, ResourceClaimTemplate, Pod and Node objects, not %s", o.file, o.index, o.kind())
		}
		if err := o.into(target); err != nil {
			return usageError(stderr, "%v", err)
		}
		// The API server's defaulting (e.g. allocationMode ExactCount, count 1).
		legacyscheme.Scheme.Default(target.(runtime.Object))
		if m, ok := target.(metav1.Object); ok && m.GetNamespace() == "" && o.kind() != "ResourceSlice" && o.kind() != "DeviceClass" && o.kind() != "Node" {
			m.SetNamespace(metav1.NamespaceDefault) // as kubectl does for namespaced objects
		}
		if errs := validateDRAObject(target); len(errs) > 0 {
			return usageError(stderr, "%s: document %d: %s %s: %v", o.file, o.index, o.kind(), o.name(), errs.ToAggregate())
		}
		switch t := target.(type) {
		case *resourceapi.DeviceClass:
			classes[t.Name] = t
		case *v1.Node:
			nodes[t.Name] = t
		}
	}
	for _, c := range claims {
		if c.Namespace == "" {
			c.Namespace = metav1.NamespaceDefault
		}
	}
	for _, t := range templates {
		if t.Namespace == "" {
			t.Namespace = metav1.NamespaceDefault
		}
	}

	// The pod's claims (templates instantiated as the control plane names them), or every claim
	// without an allocation, in input order. Allocated claims are the cluster's state.
	var toAllocate []*resourceapi.ResourceClaim
	if len(pods) > 1 {
		return usageError(stderr, "give one Pod (its claims are allocated together); found %d", len(pods))
	}
	if len(pods) == 1 {
		pod := pods[0]
		ns := pod.Namespace
		if ns == "" {
			ns = metav1.NamespaceDefault
		}
		for i, rc := range pod.Spec.ResourceClaims {
			switch {
			case rc.ResourceClaimTemplateName != nil && rc.ResourceClaimName == nil:
				var found *resourceapi.ResourceClaimTemplate
				for _, t := range templates {
					if t.Namespace == ns && t.Name == *rc.ResourceClaimTemplateName {
						found = t
						break
					}
				}
				if found == nil {
					return usageError(stderr, "Pod %s/%s: spec.resourceClaims[%d].resourceClaimTemplateName: ResourceClaimTemplate %s/%s is not in the input", ns, pod.Name, i, ns, *rc.ResourceClaimTemplateName)
				}
				claim := &resourceapi.ResourceClaim{
					ObjectMeta: metav1.ObjectMeta{Name: pod.Name + "-" + rc.Name, Namespace: ns, Labels: found.Spec.Labels},
					Spec:       *found.Spec.Spec.DeepCopy(),
				}
				toAllocate = append(toAllocate, claim)
			case rc.ResourceClaimName != nil && rc.ResourceClaimTemplateName == nil:
				var found *resourceapi.ResourceClaim
				for _, c := range claims {
					if c.Namespace == ns && c.Name == *rc.ResourceClaimName {
						found = c
						break
					}
				}
				if found == nil {
					return usageError(stderr, "Pod %s/%s: spec.resourceClaims[%d].resourceClaimName: ResourceClaim %s/%s is not in the input", ns, pod.Name, i, ns, *rc.ResourceClaimName)
				}
				if found.Status.Allocation == nil {
					toAllocate = append(toAllocate, found)
				}
			default:
				return usageError(stderr, "Pod %s/%s: spec.resourceClaims[%d]: exactly one of `resourceClaimName` or `resourceClaimTemplateName` is required", ns, pod.Name, i)
			}
		}
	} else {
		for _, c := range claims {
			if c.Status.Allocation == nil {
				toAllocate = append(toAllocate, c)
			}
		}
	}

	// The scheduler's allocated state, gathered from the allocated claims.
	state := structured.AllocatedState{
		AllocatedDevices:         sets.New[structured.DeviceID](),
		AllocatedSharedDeviceIDs: sets.New[structured.SharedDeviceID](),
		AggregatedCapacity:       structured.NewConsumedCapacityCollection(),
	}
	for _, c := range claims {
		foreachAllocatedDevice(c,
			func(id structured.DeviceID) { state.AllocatedDevices.Insert(id) },
			features.ConsumableCapacity,
			func(id structured.SharedDeviceID) { state.AllocatedSharedDeviceIDs.Insert(id) },
			func(c structured.DeviceConsumedCapacity) { state.AggregatedCapacity.Insert(c) })
	}

	// Candidate nodes: every node with node-local slices or a Node object, in name order.
	var nodeNames []string
	if *nodeFlag != "" {
		nodeNames = []string{*nodeFlag}
	} else {
		names := sets.New[string]()
		for _, s := range slices {
			if s.Spec.NodeName != nil && *s.Spec.NodeName != "" {
				names.Insert(*s.Spec.NodeName)
			}
		}
		for n := range nodes {
			names.Insert(n)
		}
		nodeNames = sets.List(names)
	}

	structured.EnableAllocators("incubating")
	ctx := context.Background()
	allocator, err := structured.NewAllocator(ctx, features, state, classes, slices, cel.NewCache(10, celFeatures))
	if err != nil {
		fmt.Fprintf(stderr, "error: %v\n", err)
		return exitError
	}

	type outcome struct {
		node    string
		results []resourceapi.AllocationResult
		err     error
	}
	var outcomes []outcome
	var fatal *outcome
	for _, n := range nodeNames {
		node := nodes[n]
		if node == nil {
			node = &v1.Node{ObjectMeta: metav1.ObjectMeta{Name: n}}
		}
		results, err := allocator.Allocate(ctx, node, toAllocate)
		o := outcome{node: n, results: results, err: err}
		outcomes = append(outcomes, o)
		if err != nil && !errors.Is(err, structured.ErrFailedAllocationOnNode) {
			fatal = &outcomes[len(outcomes)-1]
			break
		}
	}
	feasible := []string{}
	var chosen *outcome
	if fatal == nil {
		for i := range outcomes {
			o := &outcomes[i]
			if o.err == nil && o.results != nil {
				feasible = append(feasible, o.node)
				if chosen == nil {
					chosen = o
				}
			}
		}
	}

	out := orderedJSON{kv{"satisfiable", chosen != nil}}
	switch {
	case chosen != nil:
		out = append(out, kv{"node", chosen.node})
	case *nodeFlag != "":
		out = append(out, kv{"node", *nodeFlag})
	default:
		out = append(out, kv{"node", nil})
	}
	claimsOut := []orderedJSON{}
	if chosen != nil {
		for i, c := range toAllocate {
			a := chosen.results[i]
			results := []orderedJSON{}
			for _, r := range a.Devices.Results {
				ro := orderedJSON{kv{"request", r.Request}, kv{"driver", r.Driver}, kv{"pool", r.Pool}, kv{"device", r.Device}}
				if r.AdminAccess != nil && *r.AdminAccess {
					ro = append(ro, kv{"adminAccess", true})
				}
				if r.ShareID != nil {
					ro = append(ro, kv{"shareID", string(*r.ShareID)})
				}
				if len(r.ConsumedCapacity) > 0 {
					names := make([]string, 0, len(r.ConsumedCapacity))
					for k := range r.ConsumedCapacity {
						names = append(names, string(k))
					}
					sort.Strings(names)
					cc := orderedJSON{}
					for _, k := range names {
						q := r.ConsumedCapacity[resourceapi.QualifiedName(k)]
						cc = append(cc, kv{k, q.String()})
					}
					ro = append(ro, kv{"consumedCapacity", cc})
				}
				results = append(results, ro)
			}
			co := orderedJSON{kv{"name", c.Name}, kv{"namespace", c.Namespace}, kv{"results", results}}
			if a.NodeSelector != nil {
				co = append(co, kv{"nodeSelector", a.NodeSelector})
			}
			claimsOut = append(claimsOut, co)
		}
	}
	out = append(out, kv{"claims", claimsOut}, kv{"feasibleNodes", feasible})
	if fatal != nil {
		out = append(out, kv{"error", orderedJSON{kv{"kind", "fatal"}, kv{"message", "node " + fatal.node + ": " + fatal.err.Error()}}})
	}
	reasons := []orderedJSON{}
	if len(nodeNames) == 0 {
		reasons = append(reasons, orderedJSON{kv{"code", "DRA_NO_NODES"}, kv{"message", "no node has ResourceSlices or a Node object in the input"}})
	}
	for _, o := range outcomes {
		switch {
		case o.err != nil && errors.Is(o.err, structured.ErrFailedAllocationOnNode):
			reasons = append(reasons, orderedJSON{kv{"code", "DRA_FAILED_ON_NODE"}, kv{"message", "node " + o.node + ": " + strings.TrimSpace(o.err.Error())}})
		case o.err != nil:
			reasons = append(reasons, orderedJSON{kv{"code", "DRA_FATAL"}, kv{"message", "node " + o.node + ": " + o.err.Error()}})
		case o.results == nil:
			reasons = append(reasons, orderedJSON{kv{"code", "DRA_UNSATISFIABLE"}, kv{"message", "node " + o.node + ": cannot allocate all claims"}})
		}
	}
	out = append(out, kv{"reasons", reasons})
	if *output != "json" {
		return usageError(stderr, "the oracle prints -o json only")
	}
	if err := writeJSON(stdout, out); err != nil {
		return exitError
	}
	if chosen != nil {
		return exitOK
	}
	return exitNegative
}
