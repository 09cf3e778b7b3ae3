package bench

import (
	"context"
	"fmt"
	"testing"
	_ "unsafe" // go:linkname

	"github.com/go-logr/logr"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	ctrllog "sigs.k8s.io/controller-runtime/pkg/log"
	kueue "sigs.k8s.io/kueue/apis/kueue/v1beta2"
	"sigs.k8s.io/kueue/pkg/cache/scheduler"
	"sigs.k8s.io/kueue/pkg/resources"
	utiltas "sigs.k8s.io/kueue/pkg/util/tas"
)

// Kueue logs through controller-runtime; without a root logger it prints a warning with a stack
// into the benchmark output after 30 s.
func init() { ctrllog.SetLogger(logr.Discard()) }

// The flavor cache's snapshot (unexported; Cache.Snapshot calls it per TAS flavor and upstream's
// own tas_flavor_snapshot_bench_test.go calls it directly): linked, not copied.
//
//go:linkname flavorSnapshot sigs.k8s.io/kueue/pkg/cache/scheduler.(*TASFlavorCache).snapshot
func flavorSnapshot(c *scheduler.TASFlavorCache, ctx context.Context, log logr.Logger,
	aggregatedDomainUsages map[utiltas.TopologyDomainID]resources.Requests) (*scheduler.TASFlavorSnapshot, error)

const (
	blockLabel    = "topology.example.com/block"
	subblockLabel = "topology.example.com/subblock"
	rackLabel     = "topology.example.com/rack"
	flavorName    = "gpu"
)

// tasNodes is GangPlacementBenchmark.cluster(count): four levels (16 hosts per rack, 16 racks
// per subblock, 8 subblocks per block), each host cpu 192, memory 2Ti, nvidia.com/gpu 8, pods 110.
// Kueue only keeps Ready nodes, so each node carries a Ready condition.
func tasNodes(count int) []corev1.Node {
	alloc := corev1.ResourceList{
		corev1.ResourceCPU:    resource.MustParse("192"),
		corev1.ResourceMemory: resource.MustParse("2Ti"),
		"nvidia.com/gpu":      resource.MustParse("8"),
		corev1.ResourcePods:   resource.MustParse("110"),
	}
	nodes := make([]corev1.Node, 0, count)
	for i := 0; i < count; i++ {
		rack := i / 16
		subblock := rack / 16
		block := subblock / 8
		name := fmt.Sprintf("node-%d", i)
		nodes = append(nodes, corev1.Node{
			ObjectMeta: metav1.ObjectMeta{Name: name, Labels: map[string]string{
				blockLabel:           fmt.Sprintf("b%d", block),
				subblockLabel:        fmt.Sprintf("sb%d", subblock),
				rackLabel:            fmt.Sprintf("r%d", rack),
				corev1.LabelHostname: name,
			}},
			Status: corev1.NodeStatus{
				Allocatable: alloc,
				Conditions:  []corev1.NodeCondition{{Type: corev1.NodeReady, Status: corev1.ConditionTrue}},
			},
		})
	}
	return nodes
}

// tasFlavorCache feeds a Kueue scheduler cache as its informers would: the Topology, the TAS
// ResourceFlavor and every Node.
func tasFlavorCache(b *testing.B, nodes []corev1.Node) *scheduler.TASFlavorCache {
	log := logr.Discard()
	c := scheduler.New(nil)
	topologyName := kueue.TopologyReference("default")
	c.AddOrUpdateTopology(log, &kueue.Topology{
		ObjectMeta: metav1.ObjectMeta{Name: string(topologyName)},
		Spec: kueue.TopologySpec{Levels: []kueue.TopologyLevel{
			{NodeLabel: blockLabel}, {NodeLabel: subblockLabel}, {NodeLabel: rackLabel}, {NodeLabel: corev1.LabelHostname},
		}},
	})
	c.AddOrUpdateResourceFlavor(log, &kueue.ResourceFlavor{
		ObjectMeta: metav1.ObjectMeta{Name: flavorName},
		Spec:       kueue.ResourceFlavorSpec{TopologyName: &topologyName},
	})
	tas := c.TASCache()
	for i := range nodes {
		tas.SyncNode(&nodes[i])
	}
	fc := tas.Get(flavorName)
	if fc == nil {
		b.Fatal("no TAS flavor cache")
	}
	return fc
}

// gangRequests is GangPlacementBenchmark.gang: one Kueue pod set "workers" of `pods` pods
// requesting cpu 16 and nvidia.com/gpu 1, with a required topology level; the per-pod requests
// come from the pod template as Kueue's TAS flavor assigner reads them.
func gangRequests(pods int32, level string) scheduler.FlavorTASRequests {
	ps := &kueue.PodSet{
		Name:  "workers",
		Count: pods,
		Template: corev1.PodTemplateSpec{Spec: corev1.PodSpec{Containers: []corev1.Container{{
			Name: "w",
			Resources: corev1.ResourceRequirements{Requests: corev1.ResourceList{
				corev1.ResourceCPU: resource.MustParse("16"),
				"nvidia.com/gpu":   resource.MustParse("1"),
			}},
		}}}},
		TopologyRequest: &kueue.PodSetTopologyRequest{Required: &level},
	}
	return scheduler.FlavorTASRequests{{
		PodSet:            ps,
		SinglePodRequests: resources.NewRequestsFromPodSpec(&ps.Template.Spec),
		Count:             pods,
		Flavor:            flavorName,
	}}
}

// The gang parameters of GangPlacementBenchmark on 65,536 nodes that shape (c) compares: 4,096
// pods with required block (fits: a block holds 2,048 hosts × 8 pods) and required rack (does not
// fit: a rack holds 128).
var gangs = []struct {
	name  string
	pods  int32
	level string
	fits  bool
}{
	{"gang=4096:block", 4096, blockLabel, true},
	{"gang=4096:rack", 4096, rackLabel, false},
}

const tasNodeCount = 65536

// checkResult: the gang fits or not as expected; a fitting one has all its pods on hosts of one
// block, at most 8 (GPUs) per host.
func checkResult(b *testing.B, r scheduler.TASAssignmentsResult, fits bool, pods int32) {
	if f := r.Failure(); (f == nil) != fits {
		b.Fatalf("fits=%v expected, failure: %+v", fits, f)
	}
	if !fits {
		return
	}
	ta := r["workers"].TopologyAssignment
	total, blocks := int32(0), map[string]bool{}
	for _, d := range ta.Domains {
		total += d.Count
		if d.Count > 8 {
			b.Fatalf("%d pods on %v", d.Count, d.Values)
		}
		blocks[fmt.Sprintf("b%d", tasNodeIndex(b, d.Values[len(d.Values)-1])/(16*16*8))] = true
	}
	if total != pods || len(blocks) != 1 {
		b.Fatalf("%d pods assigned in blocks %v, want %d in one block", total, blocks, pods)
	}
}

func tasNodeIndex(b *testing.B, host string) int {
	var i int
	if _, err := fmt.Sscanf(host, "node-%d", &i); err != nil {
		b.Fatalf("host %q: %v", host, err)
	}
	return i
}

// BenchmarkTASOneGangOnSnapshot matches GangPlacementBenchmark.oneGangOnSnapshot: one
// FindTopologyAssignmentsForFlavor call on a TAS flavor snapshot built beforehand.
func BenchmarkTASOneGangOnSnapshot(b *testing.B) {
	ctx := logr.NewContext(context.Background(), logr.Discard())
	fc := tasFlavorCache(b, tasNodes(tasNodeCount))
	for _, g := range gangs {
		b.Run(fmt.Sprintf("nodes=%d/%s", tasNodeCount, g.name), func(b *testing.B) {
			snapshot, err := flavorSnapshot(fc, ctx, logr.Discard(), nil)
			if err != nil {
				b.Fatal(err)
			}
			requests := gangRequests(g.pods, g.level)
			b.ReportAllocs()
			var r scheduler.TASAssignmentsResult
			for b.Loop() {
				r = snapshot.FindTopologyAssignmentsForFlavor(ctx, requests)
			}
			checkResult(b, r, g.fits, g.pods)
		})
	}
}

// BenchmarkTASSnapshotAndOneGang matches GangPlacementBenchmark.snapshotAndOneGang: the flavor
// snapshot (with Kueue's defaults, TASCacheTopologyTree off, so the topology tree is rebuilt from
// the cached nodes each time, as PlacementSnapshot.of does from the ClusterState) and one
// placement.
func BenchmarkTASSnapshotAndOneGang(b *testing.B) {
	ctx := logr.NewContext(context.Background(), logr.Discard())
	fc := tasFlavorCache(b, tasNodes(tasNodeCount))
	for _, g := range gangs {
		b.Run(fmt.Sprintf("nodes=%d/%s", tasNodeCount, g.name), func(b *testing.B) {
			requests := gangRequests(g.pods, g.level)
			b.ReportAllocs()
			var r scheduler.TASAssignmentsResult
			for b.Loop() {
				snapshot, err := flavorSnapshot(fc, ctx, logr.Discard(), nil)
				if err != nil {
					b.Fatal(err)
				}
				r = snapshot.FindTopologyAssignmentsForFlavor(ctx, requests)
			}
			checkResult(b, r, g.fits, g.pods)
		})
	}
}

// BenchmarkTASSnapshotBuild matches GangPlacementBenchmark.snapshotBuild: the flavor snapshot alone.
func BenchmarkTASSnapshotBuild(b *testing.B) {
	ctx := logr.NewContext(context.Background(), logr.Discard())
	fc := tasFlavorCache(b, tasNodes(tasNodeCount))
	b.Run(fmt.Sprintf("nodes=%d", tasNodeCount), func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := flavorSnapshot(fc, ctx, logr.Discard(), nil); err != nil {
				b.Fatal(err)
			}
		}
	})
}
