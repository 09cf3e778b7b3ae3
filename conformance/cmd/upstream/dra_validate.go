package main

import (
	"fmt"
	_ "unsafe" // go:linkname

	v1 "k8s.io/api/core/v1"
	resourceapi "k8s.io/api/resource/v1"
	apimachineryvalidation "k8s.io/apimachinery/pkg/api/validation"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/validation/field"
	"k8s.io/kubernetes/pkg/api/legacyscheme"
	"k8s.io/kubernetes/pkg/apis/core"
	corevalidation "k8s.io/kubernetes/pkg/apis/core/validation"
	"k8s.io/kubernetes/pkg/apis/resource"
	resourcevalidation "k8s.io/kubernetes/pkg/apis/resource/validation"
)

// podResourceClaimErrors is the API server's check of a Pod's spec.resourceClaims (names,
// uniqueness, exactly one source), the part of Pod validation the allocation depends on.
//
//go:linkname podResourceClaimErrors k8s.io/kubernetes/pkg/apis/core/validation.validatePodResourceClaims
func podResourceClaimErrors(podMeta *metav1.ObjectMeta, claims []core.PodResourceClaim, fldPath *field.Path) field.ErrorList

// validateDRAObject is the API server's validation of one (defaulted) input object: the
// resource.k8s.io validation for slices, classes, claims (their spec on create, their
// status.allocation as a status update) and templates; object metadata for Pods and Nodes, and a Pod's resource claims.
func validateDRAObject(obj interface{}) field.ErrorList {
	switch o := obj.(type) {
	case *resourceapi.ResourceSlice:
		var in resource.ResourceSlice
		if err := legacyscheme.Scheme.Convert(o, &in, nil); err != nil {
			return field.ErrorList{field.InternalError(nil, err)}
		}
		return resourcevalidation.ValidateResourceSlice(&in)
	case *resourceapi.DeviceClass:
		var in resource.DeviceClass
		if err := legacyscheme.Scheme.Convert(o, &in, nil); err != nil {
			return field.ErrorList{field.InternalError(nil, err)}
		}
		return resourcevalidation.ValidateDeviceClass(&in)
	case *resourceapi.ResourceClaim:
		var in resource.ResourceClaim
		if err := legacyscheme.Scheme.Convert(o, &in, nil); err != nil {
			return field.ErrorList{field.InternalError(nil, err)}
		}
		errs := resourcevalidation.ValidateResourceClaim(&in)
		if in.Status.Allocation != nil {
			// Validated as the status update that recorded the allocation (same object version).
			updated := in.DeepCopy()
			updated.ResourceVersion = "1"
			old := updated.DeepCopy()
			old.Status = resource.ResourceClaimStatus{}
			errs = append(errs, resourcevalidation.ValidateResourceClaimStatusUpdate(updated, old)...)
		}
		return errs
	case *resourceapi.ResourceClaimTemplate:
		var in resource.ResourceClaimTemplate
		if err := legacyscheme.Scheme.Convert(o, &in, nil); err != nil {
			return field.ErrorList{field.InternalError(nil, err)}
		}
		return resourcevalidation.ValidateResourceClaimTemplate(&in)
	case *v1.Pod:
		var in core.Pod
		if err := legacyscheme.Scheme.Convert(o, &in, nil); err != nil {
			return field.ErrorList{field.InternalError(nil, err)}
		}
		errs := metaErrors(&o.ObjectMeta, true)
		return append(errs, podResourceClaimErrors(&in.ObjectMeta, in.Spec.ResourceClaims, field.NewPath("spec", "resourceClaims"))...)
	case *v1.Node:
		return metaErrors(&o.ObjectMeta, false)
	}
	return field.ErrorList{field.InternalError(nil, fmt.Errorf("unexpected object %T", obj))}
}

func metaErrors(m *metav1.ObjectMeta, namespaced bool) field.ErrorList {
	return corevalidation.ValidateObjectMeta(m, namespaced, apimachineryvalidation.NameIsDNSSubdomain, field.NewPath("metadata"))
}
