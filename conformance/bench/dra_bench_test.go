// Package bench holds Go benchmarks of the upstream code on the shapes of ai-infra's JMH benchmarks.
package bench

import (
	"context"
	"fmt"
	"testing"

	v1 "k8s.io/api/core/v1"
	resourceapi "k8s.io/api/resource/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/sets"
	"k8s.io/dynamic-resource-allocation/cel"
	"k8s.io/dynamic-resource-allocation/structured"
	"k8s.io/utils/ptr"
)

// The DRA benchmarks of benchmarks/src/main/java/dev/aiinfra/benchmarks/dra/ on the upstream
// structured allocator (incubating, the 1.36 default feature set), set up as kube-scheduler's DRA
// plugin does: one allocator per pod (PreFilter) with the allocated state, Allocate per node
// (Filter), a CEL cache of 10 compiled expressions shared by all pods.

const perfDriver = "test-driver.cdi.k8s.io"

// feasibleNodesToFind is kube-scheduler's numFeasibleNodesToFind for 500 nodes (adaptive 46 %, at least 100).
const feasibleNodesToFind = 230

var features = structured.Features{
	AdminAccess:            true,
	PrioritizedList:        true,
	PartitionableDevices:   true,
	DeviceTaints:           true,
	DeviceBindingAndStatus: true,
	ConsumableCapacity:     true,
}

type classes map[string]*resourceapi.DeviceClass

func (c classes) List() ([]*resourceapi.DeviceClass, error) {
	out := make([]*resourceapi.DeviceClass, 0, len(c))
	for _, x := range c {
		out = append(out, x)
	}
	return out, nil
}

func (c classes) Get(name string) (*resourceapi.DeviceClass, error) {
	if x, ok := c[name]; ok {
		return x, nil
	}
	return nil, apierrors.NewNotFound(resourceapi.Resource("deviceclasses"), name)
}

func class(name, expression string) *resourceapi.DeviceClass {
	return &resourceapi.DeviceClass{ObjectMeta: metav1.ObjectMeta{Name: name},
		Spec: resourceapi.DeviceClassSpec{Selectors: []resourceapi.DeviceSelector{{CEL: &resourceapi.CELDeviceSelector{Expression: expression}}}}}
}

func claim(name string, requests []resourceapi.DeviceRequest, constraints []resourceapi.DeviceConstraint) *resourceapi.ResourceClaim {
	return &resourceapi.ResourceClaim{ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: "default"},
		Spec: resourceapi.ResourceClaimSpec{Devices: resourceapi.DeviceClaim{Requests: requests, Constraints: constraints}}}
}

func exactly(name, className string, count int64, selectors ...string) resourceapi.DeviceRequest {
	r := resourceapi.DeviceRequest{Name: name, Exactly: &resourceapi.ExactDeviceRequest{
		DeviceClassName: className, AllocationMode: resourceapi.DeviceAllocationModeExactCount, Count: count}}
	for _, s := range selectors {
		r.Exactly.Selectors = append(r.Exactly.Selectors, resourceapi.DeviceSelector{CEL: &resourceapi.CELDeviceSelector{Expression: s}})
	}
	return r
}

func slice(name, driver, pool, node string, devices []resourceapi.Device) *resourceapi.ResourceSlice {
	return &resourceapi.ResourceSlice{ObjectMeta: metav1.ObjectMeta{Name: name}, Spec: resourceapi.ResourceSliceSpec{
		Driver: driver, Pool: resourceapi.ResourcePool{Name: pool, Generation: 1, ResourceSliceCount: 1}, NodeName: ptr.To(node), Devices: devices}}
}

// schedulerPerfCluster is scheduler_perf's createResourceDriver: one slice per node, pool = node,
// devices instance-i with model/family/driverVersion/numa and 1Gi memory.
func schedulerPerfCluster(nodes, devicesPerNode int) ([]*resourceapi.ResourceSlice, []*v1.Node) {
	var slices []*resourceapi.ResourceSlice
	var nodeObjs []*v1.Node
	for n := 0; n < nodes; n++ {
		node := fmt.Sprintf("scheduler-perf-dra-%d", n)
		var devices []resourceapi.Device
		for i := 0; i < devicesPerNode; i++ {
			devices = append(devices, resourceapi.Device{Name: fmt.Sprintf("instance-%d", i),
				Attributes: map[resourceapi.QualifiedName]resourceapi.DeviceAttribute{
					"model":                {StringValue: ptr.To("A100")},
					"family":               {StringValue: ptr.To("GPU")},
					"driverVersion":        {VersionValue: ptr.To("1.2.3")},
					"dra.example.com/numa": {IntValue: ptr.To(int64(i))},
				},
				Capacity: map[resourceapi.QualifiedName]resourceapi.DeviceCapacity{"memory": {Value: resource.MustParse("1Gi")}}})
		}
		slices = append(slices, slice(node+"-"+perfDriver, perfDriver, node, node, devices))
		nodeObjs = append(nodeObjs, &v1.Node{ObjectMeta: metav1.ObjectMeta{Name: node}})
	}
	// Nodes in name order, as DraAllocatorBenchmark takes them from DraCluster.nodeNames().
	sortNodes(nodeObjs)
	return slices, nodeObjs
}

func sortNodes(nodes []*v1.Node) {
	for i := 1; i < len(nodes); i++ {
		for j := i; j > 0 && nodes[j].Name < nodes[j-1].Name; j-- {
			nodes[j], nodes[j-1] = nodes[j-1], nodes[j]
		}
	}
}

func newAllocator(b *testing.B, state structured.AllocatedState, cls classes, slices []*resourceapi.ResourceSlice, cache *cel.Cache) structured.Allocator {
	a, err := structured.NewAllocator(context.Background(), features, state, cls, slices, cache)
	if err != nil {
		b.Fatal(err)
	}
	return a
}

// BenchmarkSchedulerPerf5000PodsOn500Nodes is DraSchedulerPerfBenchmark: 500 nodes × 10 devices,
// 5,000 one-device pods scheduled in turn into an empty cluster; each pod filters nodes from a
// rotating start until 230 are feasible or all were tried and takes the first feasible one.
// pods/s = 5000 / (seconds per op).
func BenchmarkSchedulerPerf5000PodsOn500Nodes(b *testing.B) {
	structured.EnableAllocators("incubating")
	slices, nodes := schedulerPerfCluster(500, 10)
	cls := classes{"test-class": class("test-class", `device.driver == "`+perfDriver+`"`)}
	ctx := context.Background()
	b.ResetTimer()
	for it := 0; it < b.N; it++ {
		cache := cel.NewCache(10, cel.Features{EnableConsumableCapacity: true})
		allocated := sets.New[structured.DeviceID]()
		start, placed := 0, 0
		for p := 0; p < 5000; p++ {
			state := structured.AllocatedState{AllocatedDevices: allocated, AllocatedSharedDeviceIDs: sets.New[structured.SharedDeviceID](),
				AggregatedCapacity: structured.NewConsumedCapacityCollection()}
			a := newAllocator(b, state, cls, slices, cache)
			claims := []*resourceapi.ResourceClaim{claim(fmt.Sprintf("pod-%d-claim", p), []resourceapi.DeviceRequest{exactly("req-0", "test-class", 1)}, nil)}
			var chosen []resourceapi.AllocationResult
			feasible, tried := 0, 0
			for ; tried < len(nodes) && feasible < feasibleNodesToFind; tried++ {
				res, err := a.Allocate(ctx, nodes[(start+tried)%len(nodes)], claims)
				if err != nil {
					b.Fatal(err)
				}
				if res != nil {
					feasible++
					if chosen == nil {
						chosen = res
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
		if placed != 5000 {
			b.Fatalf("placed %d of 5000 pods", placed)
		}
	}
}

// BenchmarkGpuNicPairsOn16Devices is DraAllocatorBenchmark.gpuNicPairsOn16Devices: one claim for 8
// GPUs + 8 NICs, pairwise on one PCIe root (NIC i on the root of GPU 7-i), on one 16-device node.
func BenchmarkGpuNicPairsOn16Devices(b *testing.B) {
	structured.EnableAllocators("incubating")
	var gpus, nics []resourceapi.Device
	for i := 0; i < 8; i++ {
		gpus = append(gpus, resourceapi.Device{Name: fmt.Sprintf("gpu-%d", i), Attributes: map[resourceapi.QualifiedName]resourceapi.DeviceAttribute{
			"resource.kubernetes.io/pcieRoot": {StringValue: ptr.To(fmt.Sprintf("pci000%d:00", i))}}})
		nics = append(nics, resourceapi.Device{Name: fmt.Sprintf("nic-%d", i), Attributes: map[resourceapi.QualifiedName]resourceapi.DeviceAttribute{
			"resource.kubernetes.io/pcieRoot": {StringValue: ptr.To(fmt.Sprintf("pci000%d:00", 7-i))}}})
	}
	slices := []*resourceapi.ResourceSlice{slice("gpus", "gpu.example.com", "n", "n", gpus), slice("nics", "nic.example.com", "n", "n", nics)}
	cls := classes{"gpu": class("gpu", `device.driver == "gpu.example.com"`), "nic": class("nic", `device.driver == "nic.example.com"`)}
	var requests []resourceapi.DeviceRequest
	var constraints []resourceapi.DeviceConstraint
	for i := 0; i < 8; i++ {
		g, n := fmt.Sprintf("gpu-%d", i), fmt.Sprintf("nic-%d", i)
		requests = append(requests, exactly(g, "gpu", 1), exactly(n, "nic", 1))
		constraints = append(constraints, resourceapi.DeviceConstraint{Requests: []string{g, n}, MatchAttribute: ptr.To(resourceapi.FullyQualifiedName("resource.kubernetes.io/pcieRoot"))})
	}
	claims := []*resourceapi.ResourceClaim{claim("pairs", requests, constraints)}
	node := &v1.Node{ObjectMeta: metav1.ObjectMeta{Name: "n"}}
	cache := cel.NewCache(10, cel.Features{EnableConsumableCapacity: true})
	ctx := context.Background()
	b.ResetTimer()
	for it := 0; it < b.N; it++ {
		a := newAllocator(b, emptyState(), cls, slices, cache)
		res, err := a.Allocate(ctx, node, claims)
		if err != nil || res == nil {
			b.Fatalf("no allocation: %v", err)
		}
	}
}

// BenchmarkCapacitySelectorsOn100NodesCold is DraAllocatorBenchmark.capacitySelectorsOn100NodesCold:
// one pod's claim for 4 devices of at least 60Gi, filtered on all 100 nodes × 64 devices with a
// fresh allocator and a fresh CEL cache (every selector compiled and evaluated).
func BenchmarkCapacitySelectorsOn100NodesCold(b *testing.B) {
	structured.EnableAllocators("incubating")
	var slices []*resourceapi.ResourceSlice
	var nodes []*v1.Node
	for n := 0; n < 100; n++ {
		node := fmt.Sprintf("node-%d", n)
		var devices []resourceapi.Device
		for i := 0; i < 64; i++ {
			devices = append(devices, resourceapi.Device{Name: fmt.Sprintf("gpu-%d", i), Capacity: map[resourceapi.QualifiedName]resourceapi.DeviceCapacity{
				"memory": {Value: resource.MustParse(fmt.Sprintf("%dGi", 10*(1+(i*7+n)%8)))}}})
		}
		slices = append(slices, slice(node, "gpu.example.com", node, node, devices))
		nodes = append(nodes, &v1.Node{ObjectMeta: metav1.ObjectMeta{Name: node}})
	}
	sortNodes(nodes)
	cls := classes{"gpu": class("gpu", `device.driver == "gpu.example.com"`)}
	claims := []*resourceapi.ResourceClaim{claim("big-gpus", []resourceapi.DeviceRequest{
		exactly("gpus", "gpu", 4, `device.capacity["gpu.example.com"].memory.compareTo(quantity("60Gi")) >= 0`)}, nil)}
	ctx := context.Background()
	b.ResetTimer()
	for it := 0; it < b.N; it++ {
		a := newAllocator(b, emptyState(), cls, slices, cel.NewCache(10, cel.Features{EnableConsumableCapacity: true}))
		feasible := 0
		for _, n := range nodes {
			res, err := a.Allocate(ctx, n, claims)
			if err != nil {
				b.Fatal(err)
			}
			if res != nil {
				feasible++
			}
		}
		if feasible == 0 {
			b.Fatal("no feasible node")
		}
	}
}

func emptyState() structured.AllocatedState {
	return structured.AllocatedState{AllocatedDevices: sets.New[structured.DeviceID](), AllocatedSharedDeviceIDs: sets.New[structured.SharedDeviceID](),
		AggregatedCapacity: structured.NewConsumedCapacityCollection()}
}
