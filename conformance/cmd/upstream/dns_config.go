package main

import (
	"context"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	_ "unsafe" // go:linkname

	"github.com/go-logr/logr"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/validation/field"
	"k8s.io/client-go/tools/record"
	"k8s.io/klog/v2"
	"k8s.io/kubernetes/pkg/apis/core"
	corev1conv "k8s.io/kubernetes/pkg/apis/core/v1"
	"k8s.io/kubernetes/pkg/apis/core/validation"
	"k8s.io/kubernetes/pkg/kubelet/network/dns"
	netutils "k8s.io/utils/net"
)

// The API server's pod dnsConfig and dnsPolicy validation (unexported in pkg/apis/core/validation);
// linked, not copied (build with -ldflags=-checklinkname=0).
//
//go:linkname validatePodDNSConfig k8s.io/kubernetes/pkg/apis/core/validation.validatePodDNSConfig
func validatePodDNSConfig(dnsConfig *core.PodDNSConfig, dnsPolicy *core.DNSPolicy, fldPath *field.Path, opts validation.PodValidationOptions) field.ErrorList

//go:linkname validateDNSPolicy k8s.io/kubernetes/pkg/apis/core/validation.validateDNSPolicy
func validateDNSPolicy(dnsPolicy *core.DNSPolicy, fldPath *field.Path) field.ErrorList

func init() { register("dns config", dnsConfig) }

// podSpecPaths: where each kind the SDK reads keeps its pod spec (the SDK's PodTemplates table).
var podSpecPaths = map[string][]string{
	"/Pod":                   {"spec"},
	"/PodTemplate":           {"template.spec"},
	"/ReplicationController": {"spec.template.spec"},
	"apps/Deployment":        {"spec.template.spec"},
	"apps/StatefulSet":       {"spec.template.spec"},
	"apps/DaemonSet":         {"spec.template.spec"},
	"apps/ReplicaSet":        {"spec.template.spec"},
	"batch/Job":              {"spec.template.spec"},
	"batch/CronJob":          {"spec.jobTemplate.spec.template.spec"},
}

func init() {
	for k, paths := range pssCRDTemplates {
		for _, p := range paths {
			podSpecPaths[k] = append(podSpecPaths[k], p+".spec")
		}
	}
}

// dnsConfig answers `ai-infra dns config`: the kubelet's dns.Configurer.GetPodDNS for the pod, with
// the kubelet's clusterDNS, clusterDomain and resolv.conf (an empty file when none is given, like
// the SDK's default).
func dnsConfig(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("dns config", stderr)
	var files fileList
	fs.Var(&files, "f", "input")
	fs.Var(&files, "filename", "input")
	var clusterDNSFlags fileList
	fs.Var(&clusterDNSFlags, "cluster-dns", "cluster DNS IPs")
	clusterDomain := fs.String("cluster-domain", "cluster.local", "cluster domain")
	hostResolv := fs.String("host-resolv-conf", "", "node resolv.conf")
	output := fs.String("o", "text", "output")
	fs.StringVar(output, "output", "text", "output")
	if err := fs.Parse(args); err != nil {
		return exitInvalid
	}
	objs, err := readObjects(files)
	if err != nil {
		return usageError(stderr, "%v", err)
	}
	if errs := identityErrors(objs); len(errs) > 0 {
		return usageError(stderr, "%s", strings.Join(errs, "\n  "))
	}
	if len(objs) != 1 {
		return usageError(stderr, "expected exactly one Pod (or one workload with one pod template), got %d objects", len(objs))
	}
	o := objs[0]
	var sites []site
	for _, p := range podSpecPaths[apiGroup(o.apiVersion())+"/"+o.kind()] {
		sites = append(sites, findAt(o.raw, strings.Split(p, "."), "")...)
	}
	if len(sites) != 1 {
		return usageError(stderr, "%s: expected a Pod or a workload with exactly one pod template, found %d", o.kind(), len(sites))
	}
	var spec corev1.PodSpec
	if err := (object{file: o.file, index: o.index, raw: sites[0].node}).into(&spec); err != nil {
		return usageError(stderr, "%v", err)
	}
	namespace := o.namespace()
	if namespace == "" {
		namespace = metav1.NamespaceDefault
	}
	// API defaulting (SetDefaults_PodSpec) and validation of the fields the kubelet reads.
	if spec.DNSPolicy == "" {
		spec.DNSPolicy = corev1.DNSClusterFirst
	}
	specPath := field.NewPath(sites[0].path)
	policy := core.DNSPolicy(spec.DNSPolicy)
	errs := validateDNSPolicy(&policy, specPath.Child("dnsPolicy"))
	var internalConfig *core.PodDNSConfig
	if spec.DNSConfig != nil {
		internalConfig = &core.PodDNSConfig{}
		if err := corev1conv.Convert_v1_PodDNSConfig_To_core_PodDNSConfig(spec.DNSConfig, internalConfig, nil); err != nil {
			return usageError(stderr, "%v", err)
		}
	}
	errs = append(errs, validatePodDNSConfig(internalConfig, &policy, specPath.Child("dnsConfig"),
		validation.PodValidationOptions{AllowRelaxedDNSSearchValidation: true})...)
	if len(errs) > 0 {
		return usageError(stderr, "%s", errs.ToAggregate().Error())
	}

	// The kubelet's reading of clusterDNS (pkg/kubelet/kubelet.go NewMainKubelet): unparsable
	// entries are logged and skipped.
	var clusterDNS []net.IP
	for _, flag := range clusterDNSFlags {
		for _, entry := range strings.Split(flag, ",") {
			if ip := netutils.ParseIPSloppy(entry); ip != nil {
				clusterDNS = append(clusterDNS, ip)
			} else {
				io.WriteString(stderr, "warning: invalid clusterDNS IP "+entry+" skipped\n")
			}
		}
	}
	resolvConf := *hostResolv
	if resolvConf == "" {
		dir, err := os.MkdirTemp("", "dns-config")
		if err != nil {
			return exitError
		}
		defer os.RemoveAll(dir)
		resolvConf = filepath.Join(dir, "resolv.conf")
		if err := os.WriteFile(resolvConf, nil, 0o644); err != nil {
			return exitError
		}
	} else if st, err := os.Stat(resolvConf); err != nil || st.IsDir() {
		return usageError(stderr, "%s: no such file", resolvConf)
	}

	recorder := record.NewFakeRecorder(100)
	nodeRef := &corev1.ObjectReference{Kind: "Node", Name: "node"}
	configurer := dns.NewConfigurer(recorder, nodeRef, nil, clusterDNS, *clusterDomain, resolvConf)
	pod := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: o.name(), Namespace: namespace}, Spec: spec}
	// The kubelet's log lines (klog) are not part of the contract; the events are printed below.
	ctx := klog.NewContext(context.Background(), logr.Discard())
	cfg, err := configurer.GetPodDNS(ctx, pod)
	if err != nil {
		return usageError(stderr, "%v", err)
	}
	close(recorder.Events)
	for e := range recorder.Events {
		io.WriteString(stderr, "warning: "+e+"\n")
	}
	options := []orderedJSON{}
	for _, op := range cfg.Options {
		if i := strings.Index(op, ":"); i >= 0 {
			options = append(options, orderedJSON{{"name", op[:i]}, {"value", op[i+1:]}})
		} else {
			options = append(options, orderedJSON{{"name", op}})
		}
	}
	nonNil := func(s []string) []string {
		if s == nil {
			return []string{}
		}
		return s
	}
	if err := writeJSON(stdout, orderedJSON{
		{"nameservers", nonNil(cfg.Servers)},
		{"searches", nonNil(cfg.Searches)},
		{"options", options},
	}); err != nil {
		return exitError
	}
	return exitOK
}
