package main

import (
	"fmt"
	"io"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/kubernetes/pkg/api/legacyscheme"
	_ "k8s.io/kubernetes/pkg/apis/apps/install"
	_ "k8s.io/kubernetes/pkg/apis/batch/install"
	_ "k8s.io/kubernetes/pkg/apis/core/install"
	"k8s.io/pod-security-admission/admission"
	"k8s.io/pod-security-admission/api"
	"k8s.io/pod-security-admission/policy"
)

func init() { register("pss check", pssCheck) }

// pssBuiltIn are the kinds Pod Security Admission itself reads, through its DefaultPodSpecExtractor.
var pssBuiltIn = map[string]func() runtime.Object{
	"/Pod":                   func() runtime.Object { return &corev1.Pod{} },
	"/PodTemplate":           func() runtime.Object { return &corev1.PodTemplate{} },
	"/ReplicationController": func() runtime.Object { return &corev1.ReplicationController{} },
	"apps/Deployment":        func() runtime.Object { return &appsv1.Deployment{} },
	"apps/StatefulSet":       func() runtime.Object { return &appsv1.StatefulSet{} },
	"apps/DaemonSet":         func() runtime.Object { return &appsv1.DaemonSet{} },
	"apps/ReplicaSet":        func() runtime.Object { return &appsv1.ReplicaSet{} },
	"batch/Job":              func() runtime.Object { return &batchv1.Job{} },
	"batch/CronJob":          func() runtime.Object { return &batchv1.CronJob{} },
}

// pssCRDTemplates are the documented pod-template paths of the CRD-backed kinds the SDK opens
// (admission does not read custom resources; the oracle extracts their PodTemplateSpecs at these
// paths, "*" being every list element, and evaluates each like admission evaluates a template).
var pssCRDTemplates = map[string][]string{
	"jobset.x-k8s.io/JobSet": {"spec.replicatedJobs.*.template.spec.template"},
	"leaderworkerset.x-k8s.io/LeaderWorkerSet": {
		"spec.leaderWorkerTemplate.leaderTemplate",
		"spec.leaderWorkerTemplate.workerTemplate"},
	"disaggregatedset.x-k8s.io/DisaggregatedSet": {
		"spec.roles.*.spec.leaderWorkerTemplate.leaderTemplate",
		"spec.roles.*.spec.leaderWorkerTemplate.workerTemplate"},
	"agents.x-k8s.io/Sandbox":                    {"spec.podTemplate"},
	"extensions.agents.x-k8s.io/SandboxTemplate": {"spec.podTemplate"},
	"inference.llmaz.io/Service": {
		"spec.workloadTemplate.leaderTemplate",
		"spec.workloadTemplate.workerTemplate"},
}

func apiGroup(apiVersion string) string {
	if i := strings.Index(apiVersion, "/"); i >= 0 {
		return apiVersion[:i]
	}
	return ""
}

// pssTemplate is one pod (metadata and spec) to evaluate and the path of its template.
type pssTemplate struct {
	path string
	meta *metav1.ObjectMeta
	spec *corev1.PodSpec
}

// pssCheck answers `ai-infra pss check`: Pod Security Admission's evaluator (policy.DefaultChecks)
// at baseline and restricted for every Pod and pod template in the input.
func pssCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("pss check", stderr)
	var files fileList
	fs.Var(&files, "f", "input")
	fs.Var(&files, "filename", "input")
	levelFlag := fs.String("level", "restricted", "baseline|restricted")
	// ai-infra defaults the policy version to its default Kubernetes minor (what latest means on a 1.36 cluster)
	versionFlag := fs.String("version", "v1.36", "v1.N|latest")
	output := fs.String("o", "text", "output")
	fs.StringVar(output, "output", "text", "output")
	if err := fs.Parse(args); err != nil {
		return exitInvalid
	}
	var problems []string
	gate, err := api.ParseLevel(*levelFlag)
	if err != nil || gate == api.LevelPrivileged {
		problems = append(problems, fmt.Sprintf("--level must be baseline or restricted, not %q", *levelFlag))
	}
	version, err := api.ParseVersion(*versionFlag)
	if err != nil {
		problems = append(problems, fmt.Sprintf("--version must be latest or v1.<minor>, not %q", *versionFlag))
	}
	if len(problems) > 0 {
		return usageError(stderr, "%s", strings.Join(problems, "\n  "))
	}
	objs, err := readObjects(files)
	if err != nil {
		return usageError(stderr, "%v", err)
	}
	if errs := identityErrors(objs); len(errs) > 0 {
		return usageError(stderr, "%s", strings.Join(errs, "\n  "))
	}

	// Wrap every check function so the registry's own selection (version, level, overrides) and
	// order decide what runs; the wrapper only records which check produced each result.
	var ran []policy.CheckID
	checks := policy.DefaultChecks()
	for i := range checks {
		id := checks[i].ID
		versions := make([]policy.VersionedCheck, len(checks[i].Versions))
		copy(versions, checks[i].Versions)
		for j := range versions {
			fn := versions[j].CheckPod
			versions[j].CheckPod = func(m *metav1.ObjectMeta, s *corev1.PodSpec) policy.CheckResult {
				ran = append(ran, id)
				return fn(m, s)
			}
		}
		checks[i].Versions = versions
	}
	evaluator, err := policy.NewEvaluator(checks, nil)
	if err != nil {
		fmt.Fprintf(stderr, "error: internal: %v\n", err)
		return exitError
	}

	type review struct {
		kind, namespace, name string
		templates             []pssTemplate
	}
	var reviews []review
	var inputErrors []string
	for _, o := range objs {
		key := apiGroup(o.apiVersion()) + "/" + o.kind()
		var templates []pssTemplate
		if newObj, ok := pssBuiltIn[key]; ok {
			obj := newObj()
			if err := o.into(obj); err != nil {
				inputErrors = append(inputErrors, err.Error())
				continue
			}
			// Admission sees the object after the API server's defaulting (e.g. a volume without a
			// source becomes emptyDir; a hostNetwork Pod's container ports get hostPort).
			legacyscheme.Scheme.Default(obj)
			meta, spec, err := admission.DefaultPodSpecExtractor{}.ExtractPodSpec(obj)
			if err != nil {
				inputErrors = append(inputErrors, err.Error())
				continue
			}
			// Like the SDK, a template is evaluated only where the input has a pod spec.
			if spec != nil && len(findAt(o.raw, strings.Split(podSpecPaths[key][0], "."), "")) == 1 {
				path := "spec.template"
				switch o.kind() {
				case "Pod":
					path = "spec"
				case "PodTemplate":
					path = "template"
				case "CronJob":
					path = "spec.jobTemplate.spec.template"
				}
				templates = append(templates, pssTemplate{path, meta, spec})
			}
		} else if paths, ok := pssCRDTemplates[key]; ok {
			for _, p := range paths {
				for _, site := range findAt(o.raw, strings.Split(p, "."), "") {
					if _, hasSpec := site.node["spec"].(map[string]interface{}); !hasSpec {
						continue // like the SDK: a template without a pod spec is not evaluated
					}
					var t corev1.PodTemplateSpec
					if err := (object{file: o.file, index: o.index, raw: site.node}).into(&t); err != nil {
						inputErrors = append(inputErrors, err.Error())
						continue
					}
					// Defaulted like a built-in workload's pod template (the pods the controller creates
					// are defaulted before admission too).
					holder := &corev1.PodTemplate{Template: t}
					legacyscheme.Scheme.Default(holder)
					templates = append(templates, pssTemplate{site.path, &holder.Template.ObjectMeta, &holder.Template.Spec})
				}
			}
		} else {
			fmt.Fprintf(stderr, "note: skipped %s/%s (no pod templates)\n", o.kind(), o.name())
			continue
		}
		reviews = append(reviews, review{o.kind(), o.namespace(), o.name(), templates})
	}
	if len(inputErrors) > 0 {
		return usageError(stderr, "%s", strings.Join(inputErrors, "\n  "))
	}
	if len(reviews) == 0 {
		return usageError(stderr, "no Pods or workloads with pod templates in the input")
	}

	verdict := func(level api.Level, templates []pssTemplate) (bool, []orderedJSON) {
		allowed := true
		violations := []orderedJSON{}
		for _, t := range templates {
			ran = ran[:0]
			results := evaluator.EvaluatePod(api.LevelVersion{Level: level, Version: version}, t.meta, t.spec)
			if len(results) != len(ran) {
				panic("check results and recorded check IDs differ")
			}
			for i, r := range results {
				if r.Allowed {
					continue
				}
				allowed = false
				reason, detail := r.ForbiddenReason, r.ForbiddenDetail
				if reason == "" {
					reason = policy.UnknownForbiddenReason
				}
				if len(templates) > 1 {
					// Several templates: the SDK names the template in the detail.
					detail = t.path + ": " + detail
				}
				message := reason
				if detail != "" {
					message = reason + " (" + detail + ")"
				}
				violations = append(violations, orderedJSON{{"check", string(ran[i])}, {"message", message}})
			}
		}
		return allowed, violations
	}

	denied := false
	out := []orderedJSON{}
	for _, r := range reviews {
		bAllowed, bViolations := verdict(api.LevelBaseline, r.templates)
		rAllowed, rViolations := verdict(api.LevelRestricted, r.templates)
		if (gate == api.LevelBaseline && !bAllowed) || (gate == api.LevelRestricted && !rAllowed) {
			denied = true
		}
		out = append(out, orderedJSON{
			{"kind", r.kind}, {"namespace", r.namespace}, {"name", r.name},
			{"baseline", orderedJSON{{"allowed", bAllowed}, {"violations", bViolations}}},
			{"restricted", orderedJSON{{"allowed", rAllowed}, {"violations", rViolations}}},
		})
	}
	if err := writeJSON(stdout, orderedJSON{{"objects", out}}); err != nil {
		return exitError
	}
	if denied {
		return exitNegative
	}
	return exitOK
}

// site is one object node found at a template path, and that path ("spec.roles[0].spec…").
type site struct {
	path string
	node map[string]interface{}
}

func findAt(node interface{}, steps []string, path string) []site {
	if node == nil {
		return nil
	}
	if len(steps) == 0 {
		if m, ok := node.(map[string]interface{}); ok {
			return []site{{path, m}}
		}
		return nil
	}
	if steps[0] == "*" {
		list, ok := node.([]interface{})
		if !ok {
			return nil
		}
		var out []site
		for i, item := range list {
			out = append(out, findAt(item, steps[1:], fmt.Sprintf("%s[%d]", path, i))...)
		}
		return out
	}
	m, ok := node.(map[string]interface{})
	if !ok {
		return nil
	}
	next := steps[0]
	if path != "" {
		next = path + "." + steps[0]
	}
	return findAt(m[steps[0]], steps[1:], next)
}

// identityErrors applies ai-infra's reading contract for every input document (the SDK's
// ManifestReader): apiVersion, kind and metadata.name (or generateName) are required.
func identityErrors(objs []object) []string {
	var errs []string
	for _, o := range objs {
		at := fmt.Sprintf("%s: document %d: ", o.file, o.index)
		if o.apiVersion() == "" {
			errs = append(errs, at+"apiVersion: Required value")
		}
		if o.kind() == "" {
			errs = append(errs, at+"kind: Required value")
		}
		md, isMap := o.raw["metadata"].(map[string]interface{})
		if _, present := o.raw["metadata"]; present && !isMap {
			errs = append(errs, at+"metadata: Invalid value: must be an object")
			continue
		}
		generateName, _ := md["generateName"].(string)
		if o.name() == "" && generateName == "" {
			errs = append(errs, at+"metadata.name: Required value: name or generateName is required")
		}
	}
	return errs
}
