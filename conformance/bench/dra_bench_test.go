package bench

import (
	"context"
	"fmt"
	"testing"

	v1 "k8s.io/api/core/v1"
	resourceapi "k8s.io/api/resource/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/apimachinery/pkg/util/sets"
	"k8s.io/dynamic-resource-allocation/cel"
	"k8s.io/dynamic-resource-allocation/structured"
)

// The allocator features of AllocatorFeatures.all() in the SDK (the six kube-scheduler derives
// from its 1.36 feature gates); with these, structured.NewAllocator picks the "incubating"
// allocator, the one scheduler_perf's BenchmarkPerfScheduling measures.
var allFeatures = structured.Features{
	AdminAccess:            true,
	PrioritizedList:        true,
	PartitionableDevices:   true,
	DeviceTaints:           true,
	DeviceBindingAndStatus: true,
	ConsumableCapacity:     true,
}

const (
	perfDriver = "test-driver.cdi.k8s.io"
	// kube-scheduler's numFeasibleNodesToFind for 500 nodes (adaptive 46 %, at least 100), as in
	// DraAllocatorBenchmark.FEASIBLE_NODES_TO_FIND.
	feasibleNodesToFind = 230
)

// classes is a DeviceClassLister over a fixed list (kube-scheduler passes its informer lister).
type classes []*resourceapi.DeviceClass

func (c classes) List() ([]*resourceapi.DeviceClass, error) { return c, nil }

func (c classes) Get(name string) (*resourceapi.DeviceClass, error) {
	for _, dc := range c {
		if dc.Name == name {
			return dc, nil
		}
	}
	return nil, fmt.Errorf("deviceclass %q not found", name)
}

func celClass(name, expr string) *resourceapi.DeviceClass {
	return &resourceapi.DeviceClass{
		ObjectMeta: metav1.ObjectMeta{Name: name},
		Spec: resourceapi.DeviceClassSpec{Selectors: []resourceapi.DeviceSelector{
			{CEL: &resourceapi.CELDeviceSelector{Expression: expr}},
		}},
	}
}

func slice(name, driver, node string, devices []resourceapi.Device) *resourceapi.ResourceSlice {
	return &resourceapi.ResourceSlice{
		ObjectMeta: metav1.ObjectMeta{Name: name},
		Spec: resourceapi.ResourceSliceSpec{
			Driver:   driver,
			Pool:     resourceapi.ResourcePool{Name: node, Generation: 1, ResourceSliceCount: 1},
			NodeName: &node,
			Devices:  devices,
		},
	}
}

func strAttr(s string) resourceapi.DeviceAttribute {
	return resourceapi.DeviceAttribute{StringValue: &s}
}

func exactly(name, class string) resourceapi.DeviceRequest {
	return resourceapi.DeviceRequest{Name: name, Exactly: &resourceapi.ExactDeviceRequest{
		DeviceClassName: class, AllocationMode: resourceapi.DeviceAllocationModeExactCount, Count: 1,
	}}
}

func node(name string) *v1.Node {
	return &v1.Node{ObjectMeta: metav1.ObjectMeta{Name: name}}
}

func emptyState(devices sets.Set[structured.DeviceID]) structured.AllocatedState {
	return structured.AllocatedState{
		AllocatedDevices:         devices,
		AllocatedSharedDeviceIDs: sets.New[structured.SharedDeviceID](),
		AggregatedCapacity:       structured.NewConsumedCapacityCollection(),
	}
}

// newCELCache is kube-scheduler's plugin-lifetime cache (dynamicresources.go: 10 entries); the SDK
// keeps compiled selectors in a static map, so both compile each expression once per process.
func newCELCache() *cel.Cache {
	return cel.NewCache(10, cel.Features{EnableConsumableCapacity: allFeatures.ConsumableCapacity})
}

// schedulerPerfSlices is createResourceDriver of scheduler_perf, as
// DraAllocatorBenchmark.schedulerPerfCluster(500, 10): one slice per node, pool = node, devices
// instance-i with model/family/driverVersion/numa attributes and memory capacity.
func schedulerPerfSlices(nodes, devicesPerNode int) ([]*resourceapi.ResourceSlice, []*v1.Node) {
	var slices []*resourceapi.ResourceSlice
	var nodeObjs []*v1.Node
	for n := 0; n < nodes; n++ {
		name := fmt.Sprintf("scheduler-perf-dra-%d", n)
		devices := make([]resourceapi.Device, 0, devicesPerNode)
		for i := 0; i < devicesPerNode; i++ {
			numa := int64(i)
			version := "1.2.3"
			devices = append(devices, resourceapi.Device{
				Name: fmt.Sprintf("instance-%d", i),
				Attributes: map[resourceapi.QualifiedName]resourceapi.DeviceAttribute{
					"model":                strAttr("A100"),
					"family":               strAttr("GPU"),
					"driverVersion":        {VersionValue: &version},
					"dra.example.com/numa": {IntValue: &numa},
				},
				Capacity: map[resourceapi.QualifiedName]resourceapi.DeviceCapacity{
					"memory": {Value: resource.MustParse("1Gi")},
				},
			})
		}
		slices = append(slices, slice(name+"-"+perfDriver, perfDriver, name, devices))
		nodeObjs = append(nodeObjs, node(name))
	}
	return slices, nodeObjs
}

// templateClaim is the claim scheduler_perf's test-claim-template yields for one pod.
func templateClaim(name string) *resourceapi.ResourceClaim {
	return &resourceapi.ResourceClaim{
		ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: "default", UID: types.UID(name)},
		Spec: resourceapi.ResourceClaimSpec{Devices: resourceapi.DeviceClaim{
			Requests: []resourceapi.DeviceRequest{exactly("req-0", "test-class")},
		}},
	}
}

// schedule is DraAllocatorBenchmark.schedule with the upstream allocator, as kube-scheduler's
// DynamicResources plugin drives it: per pod, PreFilter creates one allocator over the allocated
// state (here the live set of allocated device IDs, no claim-tracker copy) and Filter calls
// Allocate on each node, from a rotating start node until 230 nodes are feasible or all were
// tried; the first feasible node gets the pod and its devices are marked allocated.
func schedule(b *testing.B, ctx context.Context, slices []*resourceapi.ResourceSlice, nodes []*v1.Node, lister classes, celCache *cel.Cache, pods int) int {
	allocated := sets.New[structured.DeviceID]()
	start, placed := 0, 0
	for p := 0; p < pods; p++ {
		claims := []*resourceapi.ResourceClaim{templateClaim(fmt.Sprintf("pod-%d-claim", p))}
		allocator, err := structured.NewAllocator(ctx, allFeatures, emptyState(allocated), lister, slices, celCache)
		if err != nil {
			b.Fatal(err)
		}
		var chosen []resourceapi.AllocationResult
		feasible, tried := 0, 0
		for ; tried < len(nodes) && feasible < feasibleNodesToFind; tried++ {
			result, err := allocator.Allocate(ctx, nodes[(start+tried)%len(nodes)], claims)
			if err != nil {
				b.Fatal(err)
			}
			if result != nil {
				feasible++
				if chosen == nil {
					chosen = result
				}
			}
		}
		start = (start + tried) % len(nodes)
		if chosen != nil {
			for _, r := range chosen[0].Devices.Results {
				allocated.Insert(structured.MakeDeviceID(r.Driver, r.Pool, r.Device))
			}
			placed++
		}
	}
	return placed
}

// BenchmarkDRASchedulerPerf5000PodsOn500Nodes matches
// DraSchedulerPerfBenchmark.schedule5000PodsOn500Nodes: one operation schedules all 5,000 pods
// into an empty cluster of 500 nodes × 10 devices until it is full.
func BenchmarkDRASchedulerPerf5000PodsOn500Nodes(b *testing.B) {
	ctx := context.Background()
	slices, nodes := schedulerPerfSlices(500, 10)
	lister := classes{celClass("test-class", `device.driver == "`+perfDriver+`"`)}
	celCache := newCELCache()
	b.ReportAllocs()
	for b.Loop() {
		if placed := schedule(b, ctx, slices, nodes, lister, celCache, 5000); placed != 5000 {
			b.Fatalf("placed %d pods, want 5000", placed)
		}
	}
}

// BenchmarkDRAGpuNicPairsOn16Devices matches DraAllocatorBenchmark.gpuNicPairsOn16Devices: one
// claim for 8 GPUs + 8 NICs, pairwise matchAttribute on resource.kubernetes.io/pcieRoot, NIC i on
// the root of GPU 7-i; a fresh allocator and one Allocate per operation.
func BenchmarkDRAGpuNicPairsOn16Devices(b *testing.B) {
	ctx := context.Background()
	var gpus, nics []resourceapi.Device
	for i := 0; i < 8; i++ {
		gpus = append(gpus, resourceapi.Device{Name: fmt.Sprintf("gpu-%d", i), Attributes: map[resourceapi.QualifiedName]resourceapi.DeviceAttribute{
			"resource.kubernetes.io/pcieRoot": strAttr(fmt.Sprintf("pci000%d:00", i)),
		}})
		nics = append(nics, resourceapi.Device{Name: fmt.Sprintf("nic-%d", i), Attributes: map[resourceapi.QualifiedName]resourceapi.DeviceAttribute{
			"resource.kubernetes.io/pcieRoot": strAttr(fmt.Sprintf("pci000%d:00", 7-i)),
		}})
	}
	slices := []*resourceapi.ResourceSlice{slice("gpus", "gpu.example.com", "n", gpus), slice("nics", "nic.example.com", "n", nics)}
	lister := classes{
		celClass("gpu", `device.driver == "gpu.example.com"`),
		celClass("nic", `device.driver == "nic.example.com"`),
	}
	claim := &resourceapi.ResourceClaim{ObjectMeta: metav1.ObjectMeta{Name: "pairs", Namespace: "default", UID: "pairs"}}
	pcieRoot := resourceapi.FullyQualifiedName("resource.kubernetes.io/pcieRoot")
	for i := 0; i < 8; i++ {
		g, n := fmt.Sprintf("gpu-%d", i), fmt.Sprintf("nic-%d", i)
		claim.Spec.Devices.Requests = append(claim.Spec.Devices.Requests, exactly(g, "gpu"), exactly(n, "nic"))
		claim.Spec.Devices.Constraints = append(claim.Spec.Devices.Constraints, resourceapi.DeviceConstraint{
			Requests: []string{g, n}, MatchAttribute: &pcieRoot,
		})
	}
	claims := []*resourceapi.ResourceClaim{claim}
	n := node("n")
	celCache := newCELCache()
	b.ReportAllocs()
	var result []resourceapi.AllocationResult
	for b.Loop() {
		allocator, err := structured.NewAllocator(ctx, allFeatures, emptyState(sets.New[structured.DeviceID]()), lister, slices, celCache)
		if err != nil {
			b.Fatal(err)
		}
		result, err = allocator.Allocate(ctx, n, claims)
		if err != nil {
			b.Fatal(err)
		}
	}
	if len(result) != 1 || len(result[0].Devices.Results) != 16 {
		b.Fatalf("unexpected allocation %+v", result)
	}
}
