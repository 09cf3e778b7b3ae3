package main

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"strings"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	genericapirequest "k8s.io/apiserver/pkg/endpoints/request"
	"k8s.io/apiserver/pkg/registry/rest"
	"k8s.io/kubernetes/pkg/api/legacyscheme"
	_ "k8s.io/kubernetes/pkg/apis/apps/install"
	_ "k8s.io/kubernetes/pkg/apis/batch/install"
	_ "k8s.io/kubernetes/pkg/apis/core/install"
	"k8s.io/kubernetes/pkg/registry/apps/daemonset"
	"k8s.io/kubernetes/pkg/registry/apps/deployment"
	"k8s.io/kubernetes/pkg/registry/apps/replicaset"
	"k8s.io/kubernetes/pkg/registry/apps/statefulset"
	"k8s.io/kubernetes/pkg/registry/batch/cronjob"
	"k8s.io/kubernetes/pkg/registry/batch/job"
	"k8s.io/kubernetes/pkg/registry/core/configmap"
	"k8s.io/kubernetes/pkg/registry/core/namespace"
	"k8s.io/kubernetes/pkg/registry/core/pod"
	"k8s.io/kubernetes/pkg/registry/core/podtemplate"
	"k8s.io/kubernetes/pkg/registry/core/replicationcontroller"
)

func init() { register("validate", validateCommand) }

// validateStrategies are the API server's create strategies of the kinds the oracle validates, by
// apiVersion/kind. Each is the registry's own (PrepareForCreate + Validate with the options the
// strategy computes itself, e.g. podutil.GetValidationOptionsFromPodSpecAndMeta).
var validateStrategies = map[string]rest.RESTCreateStrategy{
	"v1/Pod":                   pod.Strategy,
	"v1/PodTemplate":           podtemplate.Strategy,
	"v1/ReplicationController": replicationcontroller.Strategy,
	"v1/Namespace":             namespace.Strategy,
	"v1/ConfigMap":             configmap.Strategy,
	"apps/v1/Deployment":       deployment.Strategy,
	"apps/v1/StatefulSet":      statefulset.Strategy,
	"apps/v1/DaemonSet":        daemonset.Strategy,
	"apps/v1/ReplicaSet":       replicaset.Strategy,
	"batch/v1/Job":             job.Strategy,
	"batch/v1/CronJob":         cronjob.Strategy,
}

// validateCommand answers `ai-infra validate -f FILES -o json`: every object goes through what the
// API server does on create — decode the v1 document with defaulting and conversion to the internal
// type (the legacy scheme's universal decoder), fill the system metadata and a generated name like
// the registry store, then rest.BeforeCreate (namespace check, the strategy's PrepareForCreate and
// Validate, then the generic ObjectMeta checks). The request namespace is the object's own, or
// "default" when it has none (what kubectl sends). Violations are the Invalid status' causes.
func validateCommand(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("validate", stderr)
	var files fileList
	fs.Var(&files, "f", "file")
	fs.Var(&files, "filename", "file")
	output := fs.String("o", "text", "output")
	fs.StringVar(output, "output", "text", "output")
	if err := fs.Parse(args); err != nil {
		return exitInvalid
	}
	objects, err := readObjects(files)
	if err != nil {
		return usageError(stderr, "%v", err)
	}
	allValid := true
	items := []interface{}{}
	for _, o := range objects {
		violations, err := validateOne(o)
		if err != nil {
			var bad *badInput
			if errors.As(err, &bad) {
				return usageError(stderr, "%s: document %d: %v", o.file, o.index, bad.err)
			}
			return internalError(stderr, err)
		}
		valid := len(violations) == 0
		allValid = allValid && valid
		items = append(items, orderedJSON{
			{"kind", o.kind()}, {"namespace", o.namespace()}, {"name", o.name()},
			{"valid", valid}, {"violations", violations},
		})
	}
	if err := writeJSON(stdout, orderedJSON{{"valid", allValid}, {"objects", items}}); err != nil {
		return exitError
	}
	if !allValid {
		return exitNegative
	}
	return exitOK
}

type badInput struct{ err error }

func (b *badInput) Error() string { return b.err.Error() }

func internalError(stderr io.Writer, err error) int {
	_, _ = io.WriteString(stderr, "error: internal: "+err.Error()+"\n")
	return exitError
}

func validateOne(o object) ([]interface{}, error) {
	key := o.apiVersion() + "/" + o.kind()
	strategy, ok := validateStrategies[key]
	if !ok {
		return nil, &badInput{errors.New("the oracle does not validate " + key)}
	}
	data, err := json.Marshal(o.raw)
	if err != nil {
		return nil, err
	}
	// The API server's request decoding: v1 → defaults → internal version.
	obj, _, err := legacyscheme.Codecs.UniversalDecoder().Decode(data, nil, nil)
	if err != nil {
		return nil, &badInput{err}
	}
	accessor, err := meta.Accessor(obj)
	if err != nil {
		return nil, err
	}
	requestNamespace := ""
	if strategy.NamespaceScoped() {
		requestNamespace = accessor.GetNamespace()
		if requestNamespace == "" {
			requestNamespace = "default"
			accessor.SetNamespace(requestNamespace)
		}
	}
	ctx := genericapirequest.WithNamespace(context.Background(), requestNamespace)
	gv := strings.SplitN(o.apiVersion(), "/", 2)
	group, version := "", gv[0]
	if len(gv) == 2 {
		group, version = gv[0], gv[1]
	}
	ctx = genericapirequest.WithRequestInfo(ctx, &genericapirequest.RequestInfo{
		IsResourceRequest: true, Verb: "create", APIGroup: group, APIVersion: version,
		Namespace: requestNamespace, Resource: strings.ToLower(o.kind()) + "s",
	})
	// What the registry store does before BeforeCreate.
	rest.FillObjectMetaSystemFields(accessor)
	if accessor.GetGenerateName() != "" && accessor.GetName() == "" {
		accessor.SetName(strategy.GenerateName(accessor.GetGenerateName()))
	}
	err = rest.BeforeCreate(strategy, ctx, obj)
	if err == nil {
		return []interface{}{}, nil
	}
	var status apierrors.APIStatus
	if !errors.As(err, &status) || !apierrors.IsInvalid(err) || status.Status().Details == nil {
		return nil, err
	}
	out := []interface{}{}
	for _, c := range status.Status().Details.Causes {
		out = append(out, orderedJSON{
			{"field", c.Field}, {"type", strings.TrimPrefix(string(c.Type), "FieldValue")}, {"message", c.Message},
		})
	}
	return out, nil
}
