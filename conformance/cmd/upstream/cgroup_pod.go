package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unsafe"

	cadvisorapi "github.com/google/cadvisor/info/v1"
	"github.com/opencontainers/cgroups"
	"github.com/opencontainers/cgroups/fs2"
	"go.opentelemetry.io/otel/trace/noop"
	v1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/sets"
	utilfeature "k8s.io/apiserver/pkg/util/feature"
	"k8s.io/client-go/tools/record"
	runtimeapi "k8s.io/cri-api/pkg/apis/runtime/v1"
	critesting "k8s.io/cri-api/pkg/apis/testing"
	"k8s.io/klog/v2"
	corev1defaults "k8s.io/kubernetes/pkg/apis/core/v1"
	v1qos "k8s.io/kubernetes/pkg/apis/core/v1/helper/qos"
	kubeletconfig "k8s.io/kubernetes/pkg/kubelet/apis/config"
	"k8s.io/kubernetes/pkg/kubelet/cm"
	"k8s.io/kubernetes/pkg/kubelet/kuberuntime"
)

// ---- upstream functions that are not exported, linked (not copied); build with -ldflags=-checklinkname=0.

// (*cm.cgroupCommon).toResources: the kubelet's ResourceConfig → libcontainer Resources for the
// cgroups it manages itself (pod, QoS), with its linear getCPUWeight on cgroup v2.
//
//go:linkname kubeletToResources k8s.io/kubernetes/pkg/kubelet/cm.(*cgroupCommon).toResources
func kubeletToResources(m unsafe.Pointer, logger klog.Logger, rc *cm.ResourceConfig) *cgroups.Resources

// (*kuberuntime.kubeGenericRuntimeManager).generateLinuxContainerResources: the CRI
// LinuxContainerResources of one container (calculateLinuxResources + Memory QoS unified map).
//
//go:linkname kubeletContainerResources k8s.io/kubernetes/pkg/kubelet/kuberuntime.(*kubeGenericRuntimeManager).generateLinuxContainerResources
func kubeletContainerResources(m unsafe.Pointer, ctx context.Context, pod *v1.Pod, container *v1.Container, enforceMemoryQoS bool) *runtimeapi.LinuxContainerResources

// kuberuntime's page size for memory.high (os.Getpagesize() upstream; --page-size sets it).
//
//go:linkname kuberuntimePageSize k8s.io/kubernetes/pkg/kubelet/kuberuntime.defaultPageSize
var kuberuntimePageSize int64

// opencontainers/cgroups caches "is this host cgroup v2"; the oracle answers for a cgroup v2 node.
//
//go:linkname cgroupsIsUnifiedOnce github.com/opencontainers/cgroups.isUnifiedOnce
var cgroupsIsUnifiedOnce sync.Once

//go:linkname cgroupsIsUnified github.com/opencontainers/cgroups.isUnified
var cgroupsIsUnified bool

// The kubelet memoizes the root cgroup's controllers (cgroup_v2_manager_linux.go); the oracle's node
// has cpu, cpuset, memory and pids (hugetlb is not part of the compared contract).
//
//go:linkname kubeletRootControllersOnce k8s.io/kubernetes/pkg/kubelet/cm.availableRootControllersOnce
var kubeletRootControllersOnce sync.Once

//go:linkname kubeletRootControllers k8s.io/kubernetes/pkg/kubelet/cm.availableRootControllers
var kubeletRootControllers sets.Set[string]

var cgroupV2Once sync.Once

// forceCgroupV2 makes IsCgroup2UnifiedMode() true (the node the SDK describes runs cgroup v2) and
// lets the fs2 manager write into a plain directory (cgroups.TestMode, as its own unit tests do).
func forceCgroupV2() {
	cgroupV2Once.Do(func() {
		cgroupsIsUnifiedOnce.Do(func() {})
		cgroupsIsUnified = true
		cgroups.TestMode = true
		kubeletRootControllersOnce.Do(func() {})
		kubeletRootControllers = sets.New("cpu", "cpuset", "memory", "pids")
		klog.SetOutput(io.Discard)
		klog.LogToStderr(false)
	})
}

func init() {
	register("cgroup pod", cgroupPod)
	register("cgroup qos", cgroupQos)
}

var runtimeRE = regexp.MustCompile(`^(runc|crun):(\d+)\.(\d+)(?:\.(\d+))?$`)
var durationRE = regexp.MustCompile(`^(\d+)(us|µs|ms|s)$`)

// quadraticRuntime: runc ≥ 1.3.2 (opencontainers/cgroups ≥ v0.0.3) and crun ≥ 1.23 map shares
// quadratically; older ones linearly.
func quadraticRuntime(rt string) bool {
	m := runtimeRE.FindStringSubmatch(rt)
	major, _ := strconv.Atoi(m[2])
	minor, _ := strconv.Atoi(m[3])
	patch := 0
	if m[4] != "" {
		patch, _ = strconv.Atoi(m[4])
	}
	if m[1] == "runc" {
		return major > 1 || (major == 1 && (minor > 3 || (minor == 3 && patch >= 2)))
	}
	return major > 1 || (major == 1 && minor >= 23)
}

// runtimeWeight is the container runtime's shares → cpu.weight. Quadratic: opencontainers/cgroups
// v0.0.6 ConvertCPUSharesToCgroupV2Value. Linear (runc ≤ 1.3.1's libcontainer/cgroups, crun < 1.23):
// one module version only, so the kubelet's getCPUWeight stands in: the same 1 + (s−2)·9999/262142,
// identical on [2, 262144], the only shares the kubelet sends (MilliCPUToShares clamps).
func runtimeWeight(quadratic bool, shares uint64) uint64 {
	if shares == 0 {
		return 0
	}
	if quadratic {
		return cgroups.ConvertCPUSharesToCgroupV2Value(shares)
	}
	return kubeletCPUWeight(&shares)
}

type podFlags struct {
	runtime, version, policy, allocatable, period string
	memoryQoS, singleOOM, cfsQuota                bool
	factor                                        float64
	factorSet, memoryQoSSet                       bool
	pageSize, pids                                int64
}

func cgroupPod(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("cgroup pod", stderr)
	var files fileList
	fs.Var(&files, "f", "input")
	fs.Var(&files, "filename", "input")
	var p podFlags
	fs.StringVar(&p.runtime, "runtime", "runc:1.3.2", "")
	// ai-infra's one default Kubernetes version (KubernetesVersion.DEFAULT), shared by every command
	fs.StringVar(&p.version, "kubernetes-version", "1.36", "")
	fs.BoolVar(&p.memoryQoS, "memory-qos", false, "")
	fs.Float64Var(&p.factor, "memory-throttling-factor", 0, "")
	fs.StringVar(&p.policy, "memory-reservation-policy", "None", "")
	fs.StringVar(&p.allocatable, "node-allocatable", "", "")
	fs.Int64Var(&p.pageSize, "page-size", 4096, "")
	fs.Int64Var(&p.pids, "pod-pids-limit", -1, "")
	fs.BoolVar(&p.singleOOM, "single-process-oom-kill", false, "")
	fs.BoolVar(&p.cfsQuota, "cpu-cfs-quota", true, "")
	fs.StringVar(&p.period, "cpu-cfs-quota-period", "100ms", "")
	output := fs.String("o", "text", "output")
	fs.StringVar(output, "output", "text", "output")
	if err := fs.Parse(args); err != nil {
		return exitInvalid
	}
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "memory-throttling-factor":
			p.factorSet = true
		case "memory-qos":
			p.memoryQoSSet = true
		}
	})
	// The kubelet's configuration checks that the SDK mirrors (KubeletConfiguration validation).
	var problems []string
	minor := -1
	if m := regexp.MustCompile(`^v?1\.(\d+)(\.\d+)?$`).FindStringSubmatch(p.version); m == nil {
		problems = append(problems, "--kubernetes-version "+p.version+" is not 1.N")
	} else {
		minor, _ = strconv.Atoi(m[1])
	}
	if p.policy != "None" && p.policy != "TieredReservation" {
		problems = append(problems, "--memory-reservation-policy must be None or TieredReservation")
	}
	var periodMicros int64
	if m := durationRE.FindStringSubmatch(p.period); m == nil {
		problems = append(problems, "--cpu-cfs-quota-period "+p.period+" is not a duration like 100ms")
	} else {
		d, _ := time.ParseDuration(strings.Replace(p.period, "µs", "us", 1))
		periodMicros = int64(d / time.Microsecond)
	}
	var allocMemory *resource.Quantity
	if p.allocatable != "" {
		for _, part := range strings.Split(p.allocatable, ",") {
			kv := strings.SplitN(part, "=", 2)
			q, err := resource.ParseQuantity(strings.TrimSpace(safeIndex(kv, 1)))
			if len(kv) != 2 || err != nil {
				problems = append(problems, "--node-allocatable entry "+part+" is not name=quantity")
				continue
			}
			if strings.TrimSpace(kv[0]) == "memory" {
				allocMemory = &q
			}
		}
	}
	if len(problems) == 0 {
		if !runtimeRE.MatchString(p.runtime) {
			problems = append(problems, "runtime: must be runc:X.Y[.Z] or crun:X.Y[.Z]")
		}
		// The version only picks the MemoryQoS default (on from 1.37); the SDK's range, not generated outside it.
		if minor < 27 || minor > 37 {
			problems = append(problems, "kubernetesVersion: supported: 1.27 to 1.37")
		}
		if p.factorSet && !(p.factor > 0 && p.factor <= 1) {
			problems = append(problems, "memoryThrottlingFactor: must be in (0, 1]")
		}
		if periodMicros < 1000 || periodMicros > 1000000 {
			problems = append(problems, "cpuCfsQuotaPeriod: must be between 1ms and 1s")
		}
		if p.pageSize < 1 || p.pageSize&(p.pageSize-1) != 0 {
			problems = append(problems, "pageSize: must be a power of two")
		}
		if allocMemory != nil && allocMemory.Sign() < 0 {
			problems = append(problems, "nodeAllocatable.memory: must not be negative")
		}
		if p.pids == 0 || p.pids < -1 {
			problems = append(problems, "podPidsLimit: must be -1 (unlimited) or positive")
		}
	}
	if len(problems) > 0 {
		return usageError(stderr, "%s", strings.Join(problems, "\n  "))
	}
	objs, err := readObjects(files)
	if err != nil {
		return usageError(stderr, "%v", err)
	}
	var pods []object
	for _, o := range objs {
		if o.kind() == "Pod" {
			pods = append(pods, o)
		}
	}
	if len(pods) != 1 {
		return usageError(stderr, "give exactly one Pod (found %d)", len(pods))
	}
	pod := &v1.Pod{}
	if err := pods[0].into(pod); err != nil {
		return usageError(stderr, "%v", err)
	}
	if len(pod.Spec.Containers) == 0 {
		return usageError(stderr, "spec.containers: a Pod needs at least one container")
	}
	// PodLevelResources (KEP-2837): beta and on by default from 1.34, alpha and off before; set
	// before defaulting, which fills pod-level requests from the containers or the limits.
	podLevel := map[string]bool{"PodLevelResources": true, "InPlacePodLevelResourcesVerticalScaling": true}
	if minor < 34 {
		// the in-place resize of pod-level resources depends on the gate: off with it
		podLevel = map[string]bool{"PodLevelResources": false, "InPlacePodLevelResourcesVerticalScaling": false}
	}
	if err := utilfeature.DefaultMutableFeatureGate.SetFromMap(podLevel); err != nil {
		fmt.Fprintln(stderr, "error:", err)
		return exitError
	}
	// The kubelet only sees pods the API server (or its static-pod source) has defaulted:
	// requests default to limits.
	corev1defaults.SetObjectDefaults_Pod(pod)
	if pod.UID == "" {
		pod.UID = "conformance"
	}

	// Kubelet settings: MemoryQoS feature gate (the SDK's default: on from 1.37), factor (0.9 the
	// 1.36 default), policy, CFS quota and period (CustomCPUCFSQuotaPeriod is GA and on in 1.36).
	memoryQoS := minor >= 37
	if p.memoryQoSSet {
		memoryQoS = p.memoryQoS
	}
	if err := utilfeature.DefaultMutableFeatureGate.SetFromMap(map[string]bool{"MemoryQoS": memoryQoS}); err != nil {
		fmt.Fprintln(stderr, "error:", err)
		return exitError
	}
	factor := 0.9
	if p.factorSet {
		factor = p.factor
	}
	policy := kubeletconfig.MemoryReservationPolicy(p.policy)
	forceCgroupV2()
	kuberuntimePageSize = p.pageSize
	quadratic := quadraticRuntime(p.runtime)
	ctx := context.Background()
	logger := klog.Background()

	// Pod cgroup: pod_container_manager_linux.go EnsureExists → ResourceConfigForPod (+ podPidsLimit)
	// → the kubelet's cgroup v2 manager's toResources → fs2 (opencontainers/cgroups) writes the files.
	enforceMemoryQoS := utilfeature.DefaultFeatureGate.Enabled("MemoryQoS") && cgroups.IsCgroup2UnifiedMode()
	rc := cm.ResourceConfigForPod(pod, p.cfsQuota, uint64(periodMicros), enforceMemoryQoS, policy)
	if p.pids > 0 {
		pids := p.pids
		rc.PidsLimit = &pids
	}
	mgr := cm.NewCgroupV2Manager(logger, &cm.CgroupSubsystems{MountPoints: map[string]string{}}, "cgroupfs")
	podFiles, err := renderCgroup(kubeletToResources(reflectPointer(mgr), logger, rc))
	if err != nil {
		fmt.Fprintln(stderr, "error:", err)
		return exitError
	}
	var podShares uint64
	if rc.CPUShares != nil {
		podShares = *rc.CPUShares
	}
	podJSON := orderedJSON{
		{"cpuShares", podShares},
		{"cpu.weight", fileNumber(podFiles, "cpu.weight")},
		{"cpu.max", fileText(podFiles, "cpu.max")},
		// the pod's memory.max is written only with a byte limit: a JSON number (issue 15)
		{"memory.max", fileNumber(podFiles, "memory.max")},
		{"pids.max", fileOr(podFiles, "pids.max", "max")},
	}

	// Containers: kuberuntime's generateLinuxContainerResources on a kubeGenericRuntimeManager built
	// by its exported constructor with fakes (CRI fake runtime, fake container manager).
	root, err := os.MkdirTemp("", "kubelet-root-")
	if err != nil {
		fmt.Fprintln(stderr, "error:", err)
		return exitError
	}
	defer os.RemoveAll(root)
	singleOOM := p.singleOOM
	getAllocatable := func() v1.ResourceList {
		if allocMemory == nil {
			return v1.ResourceList{}
		}
		return v1.ResourceList{v1.ResourceMemory: *allocMemory}
	}
	rt, _, err := kuberuntime.NewKubeGenericRuntimeManager(ctx, &record.FakeRecorder{}, nil, nil, nil, root, filepath.Join(root, "logs"),
		&cadvisorapi.MachineInfo{MemoryCapacity: 64 << 30}, nil, 110, nil, nil, nil, nil, false, nil, 0, 0, "NeverVerify", nil, "", "",
		&singleOOM, p.cfsQuota, metav1.Duration{Duration: time.Duration(periodMicros) * time.Microsecond},
		critesting.NewFakeRuntimeService(), critesting.NewFakeImageService(), cm.NewFakeContainerManager(), nil, nil, false, "",
		getAllocatable, factor, policy, nil, noop.NewTracerProvider(), nil, nil, nil)
	if err != nil {
		fmt.Fprintln(stderr, "error:", err)
		return exitError
	}
	var containers []orderedJSON
	add := func(c *v1.Container, init bool) error {
		lcr := kubeletContainerResources(reflectPointer(rt), ctx, pod, c, enforceMemoryQoS)
		// The CRI → OCI → runc step (containerd's CRI plugin copies non-zero fields; runc's specconv
		// converts shares to weight): the fields map one to one onto libcontainer Resources.
		res := &cgroups.Resources{
			CpuWeight: runtimeWeight(quadratic, uint64(lcr.CpuShares)),
			CpuQuota:  lcr.CpuQuota,
			CpuPeriod: uint64(lcr.CpuPeriod),
			Memory:    lcr.MemoryLimitInBytes,
			Unified:   lcr.Unified,
		}
		files, err := renderCgroup(res)
		if err != nil {
			return err
		}
		var quota interface{}
		if p.cfsQuota {
			quota = lcr.CpuQuota
		}
		containers = append(containers, orderedJSON{
			{"name", c.Name},
			{"cpuShares", lcr.CpuShares},
			{"cpuQuota", quota},
			{"cpu.weight", fileNumber(files, "cpu.weight")},
			{"cpu.max", fileText(files, "cpu.max")},
			{"memory.max", fileOr(files, "memory.max", "max")},
			{"memory.min", fileNumber(files, "memory.min")},
			{"memory.low", fileNumber(files, "memory.low")},
			{"memory.high", fileNumber(files, "memory.high")},
			{"memory.oom.group", fileNumber(files, "memory.oom.group")},
			{"initContainer", init},
		})
		return nil
	}
	for i := range pod.Spec.InitContainers {
		if err := add(&pod.Spec.InitContainers[i], true); err != nil {
			fmt.Fprintln(stderr, "error:", err)
			return exitError
		}
	}
	for i := range pod.Spec.Containers {
		if err := add(&pod.Spec.Containers[i], false); err != nil {
			fmt.Fprintln(stderr, "error:", err)
			return exitError
		}
	}
	if containers == nil {
		containers = []orderedJSON{}
	}
	out := orderedJSON{
		{"qos", string(v1qos.GetPodQOS(pod))},
		{"pod", podJSON},
		{"containers", containers},
	}
	if err := writeJSON(stdout, out); err != nil {
		return exitError
	}
	return exitOK
}

func safeIndex(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return ""
}

// reflectPointer is the pointer inside an interface holding a pointer (the receiver for a linked method).
func reflectPointer(v interface{}) unsafe.Pointer {
	return unsafe.Pointer(reflect.ValueOf(v).Pointer())
}

// renderCgroup writes res with the cgroup v2 (fs2) manager into a fresh directory and reads the
// files back: what the runtime / the kubelet's libcontainer would leave in the cgroup.
func renderCgroup(res *cgroups.Resources) (map[string]string, error) {
	dir, err := os.MkdirTemp("", "cgroup-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	if err := os.WriteFile(filepath.Join(dir, "cgroup.controllers"), []byte("cpuset cpu io memory hugetlb pids rdma misc"), 0o644); err != nil {
		return nil, err
	}
	m, err := fs2.NewManager(&cgroups.Cgroup{Resources: res}, dir)
	if err != nil {
		return nil, err
	}
	if err := m.Set(res); err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, e := range entries {
		if e.Name() == "cgroup.controllers" {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		out[e.Name()] = strings.TrimSpace(string(b))
	}
	return out, nil
}

func fileText(files map[string]string, name string) interface{} {
	if v, ok := files[name]; ok {
		return v
	}
	return nil
}

func fileOr(files map[string]string, name, dflt string) string {
	if v, ok := files[name]; ok {
		return v
	}
	return dflt
}

func fileNumber(files map[string]string, name string) interface{} {
	v, ok := files[name]
	if !ok {
		return nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return v
	}
	return n
}

// node_container_manager_linux.go getCgroupConfigInternal: the kubepods cgroup's ResourceConfig
// from node allocatable (shares from allocatable CPU).
//
//go:linkname kubeletNodeCgroupConfig k8s.io/kubernetes/pkg/kubelet/cm.getCgroupConfigInternal
func kubeletNodeCgroupConfig(rl v1.ResourceList, compressibleResourcesOnly bool) *cm.ResourceConfig

// recordingCgroupManager is the QoS manager's cgroup manager: it validates and "creates" every
// cgroup and records the last ResourceConfig written to each; the rest is the real v2 manager.
type recordingCgroupManager struct {
	cm.CgroupManager
	mu      sync.Mutex
	written map[string]*cm.ResourceConfig
}

func (r *recordingCgroupManager) Validate(cm.CgroupName) error { return nil }
func (r *recordingCgroupManager) Exists(cm.CgroupName) bool    { return false }
func (r *recordingCgroupManager) record(c *cm.CgroupConfig) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.written[c.Name.ToCgroupfs()] = c.ResourceParameters
	return nil
}
func (r *recordingCgroupManager) Create(_ klog.Logger, c *cm.CgroupConfig) error { return r.record(c) }
func (r *recordingCgroupManager) Update(_ klog.Logger, c *cm.CgroupConfig) error { return r.record(c) }
func (r *recordingCgroupManager) get(name string) *cm.ResourceConfig {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.written[name]
}

// cgroupQos answers `ai-infra cgroup qos`: the kubepods cgroup (node allocatable CPU) and the
// Burstable/BestEffort QoS cgroups the kubelet's QoS container manager writes for the given pods.
func cgroupQos(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("cgroup qos", stderr)
	var files fileList
	fs.Var(&files, "f", "input")
	fs.Var(&files, "filename", "input")
	allocatable := fs.String("node-allocatable", "", "")
	output := fs.String("o", "text", "output")
	fs.StringVar(output, "output", "text", "output")
	if err := fs.Parse(args); err != nil {
		return exitInvalid
	}
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == "node-allocatable" })
	if !set {
		return usageError(stderr, "missing --node-allocatable")
	}
	var problems []string
	rl := v1.ResourceList{}
	for _, part := range strings.Split(*allocatable, ",") {
		kv := strings.SplitN(part, "=", 2)
		q, err := resource.ParseQuantity(strings.TrimSpace(safeIndex(kv, 1)))
		if len(kv) != 2 || err != nil {
			problems = append(problems, "--node-allocatable entry "+part+" is not name=quantity")
			continue
		}
		rl[v1.ResourceName(strings.TrimSpace(kv[0]))] = q
	}
	if _, ok := rl[v1.ResourceCPU]; len(problems) == 0 && !ok {
		problems = append(problems, "--node-allocatable needs cpu=Q")
	}
	if len(problems) > 0 {
		return usageError(stderr, "%s", strings.Join(problems, "\n  "))
	}
	objs, err := readObjects(files)
	if err != nil {
		return usageError(stderr, "%v", err)
	}
	var pods []*v1.Pod
	for _, o := range objs {
		if o.kind() != "Pod" {
			continue
		}
		pod := &v1.Pod{}
		if err := o.into(pod); err != nil {
			return usageError(stderr, "%v", err)
		}
		if len(pod.Spec.Containers) == 0 {
			return usageError(stderr, "spec.containers: a Pod needs at least one container")
		}
		corev1defaults.SetObjectDefaults_Pod(pod)
		pods = append(pods, pod)
	}
	forceCgroupV2()
	// cgroup qos has no version flag: the 1.36 defaults (PodLevelResources on), whatever an earlier case set
	if err := utilfeature.DefaultMutableFeatureGate.SetFromMap(map[string]bool{"MemoryQoS": false, "PodLevelResources": true, "InPlacePodLevelResourcesVerticalScaling": true}); err != nil {
		fmt.Fprintln(stderr, "error:", err)
		return exitError
	}
	logger := klog.Background()
	real := cm.NewCgroupV2Manager(logger, &cm.CgroupSubsystems{MountPoints: map[string]string{}}, "cgroupfs")
	rec := &recordingCgroupManager{CgroupManager: real, written: map[string]*cm.ResourceConfig{}}
	root := cm.NewCgroupName(cm.RootCgroupName, "kubepods")
	qm, err := cm.NewQOSContainerManager(&cm.CgroupSubsystems{MountPoints: map[string]string{}}, root,
		cm.NodeConfig{CgroupsPerQOS: true}, rec)
	if err != nil {
		fmt.Fprintln(stderr, "error:", err)
		return exitError
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if err := qm.Start(ctx, func() v1.ResourceList { return rl }, func() []*v1.Pod { return pods }); err != nil {
		fmt.Fprintln(stderr, "error:", err)
		return exitError
	}
	if err := qm.UpdateCgroups(logger); err != nil {
		fmt.Fprintln(stderr, "error:", err)
		return exitError
	}
	info := qm.GetQOSContainersInfo()
	entry := func(rc *cm.ResourceConfig) (orderedJSON, error) {
		files, err := renderCgroup(kubeletToResources(reflectPointer(real), logger, rc))
		if err != nil {
			return nil, err
		}
		var shares interface{}
		if rc != nil && rc.CPUShares != nil {
			shares = *rc.CPUShares
		}
		return orderedJSON{{"cpuShares", shares}, {"cpu.weight", fileNumber(files, "cpu.weight")}}, nil
	}
	kubepods, err := entry(kubeletNodeCgroupConfig(rl, false))
	if err != nil {
		fmt.Fprintln(stderr, "error:", err)
		return exitError
	}
	burstable, err := entry(rec.get(info.Burstable.ToCgroupfs()))
	if err != nil {
		fmt.Fprintln(stderr, "error:", err)
		return exitError
	}
	besteffort, err := entry(rec.get(info.BestEffort.ToCgroupfs()))
	if err != nil {
		fmt.Fprintln(stderr, "error:", err)
		return exitError
	}
	out := orderedJSON{{"kubepods", kubepods}, {"burstable", burstable}, {"besteffort", besteffort}}
	if err := writeJSON(stdout, out); err != nil {
		return exitError
	}
	return exitOK
}
