package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	_ "unsafe" // go:linkname

	"github.com/opencontainers/cgroups"
	"k8s.io/apimachinery/pkg/api/resource"
	"k8s.io/kubernetes/pkg/kubelet/cm"
)

// The kubelet's linear shares → cpu.weight for the cgroups it manages itself (pod, QoS), unexported
// in pkg/kubelet/cm; linked, not copied (build with -ldflags=-checklinkname=0).
//
//go:linkname kubeletCPUWeight k8s.io/kubernetes/pkg/kubelet/cm.getCPUWeight
func kubeletCPUWeight(cpuShares *uint64) uint64

func init() { register("cgroup convert", cgroupConvert) }

// cgroupConvert answers `ai-infra cgroup convert`: the kubelet's MilliCPUToShares and
// MilliCPUToQuota, the runtime's quadratic weight (opencontainers/cgroups) or the kubelet's linear one.
func cgroupConvert(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("cgroup convert", stderr)
	shares := fs.Int64("cpu-shares", -1, "cgroup v1 CPU shares")
	request := fs.String("cpu-request", "", "CPU request quantity")
	limit := fs.String("cpu-limit", "", "CPU limit quantity")
	period := fs.Int64("cpu-period", 100000, "CFS period in microseconds")
	formula := fs.String("formula", "quadratic", "quadratic or linear")
	output := fs.String("o", "text", "output")
	fs.StringVar(output, "output", "text", "output")
	if err := fs.Parse(args); err != nil {
		return exitInvalid
	}
	sharesSet, requestSet, limitSet := false, false, false
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "cpu-shares":
			sharesSet = true
		case "cpu-request":
			requestSet = true
		case "cpu-limit":
			limitSet = true
		}
	})
	var problems []string
	if !sharesSet && !requestSet && !limitSet {
		problems = append(problems, "give --cpu-shares, --cpu-request or --cpu-limit")
	}
	if sharesSet && requestSet {
		problems = append(problems, "--cpu-shares and --cpu-request both set the shares; give one")
	}
	if sharesSet && *shares < 0 {
		problems = append(problems, "--cpu-shares must not be negative")
	}
	if *formula != "quadratic" && *formula != "linear" {
		problems = append(problems, "unknown --formula "+*formula)
	}
	if *period < 1000 || *period > 1000000 {
		problems = append(problems, "--cpu-period must be between 1000 and 1000000 microseconds")
	}
	milli := func(flag, text string) int64 {
		q, err := resource.ParseQuantity(text)
		if err != nil {
			problems = append(problems, flag+" "+text+" is not a Kubernetes quantity")
			return 0
		}
		if q.Sign() < 0 {
			problems = append(problems, flag+" must not be negative")
		}
		return q.MilliValue()
	}
	var requestMilli, limitMilli int64
	if requestSet {
		requestMilli = milli("--cpu-request", *request)
	}
	if limitSet {
		limitMilli = milli("--cpu-limit", *limit)
	}
	if len(problems) > 0 {
		return usageError(stderr, "%s", strings.Join(problems, "\n  "))
	}
	out := orderedJSON{}
	if sharesSet || requestSet {
		s := uint64(*shares)
		if requestSet {
			s = cm.MilliCPUToShares(requestMilli)
		}
		var w uint64
		if *formula == "linear" {
			w = kubeletCPUWeight(&s)
		} else {
			w = cgroups.ConvertCPUSharesToCgroupV2Value(s)
		}
		out = append(out, kv{"cpuShares", s}, kv{"cpu.weight", w})
	}
	if limitSet {
		quota := cm.MilliCPUToQuota(limitMilli, *period)
		// cpu.max as runc writes it (fs2): "max" for no quota.
		max := "max"
		if quota > 0 {
			max = fmt.Sprint(quota)
		}
		out = append(out, kv{"cpuQuota", quota}, kv{"cpu.max", fmt.Sprintf("%s %d", max, *period)})
	}
	if err := writeJSON(stdout, out); err != nil {
		return exitError
	}
	return exitOK
}
