package main

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/rest"
)

var (
	crdResource = schema.GroupVersionResource{Group: "apiextensions.k8s.io", Version: "v1", Resource: "customresourcedefinitions"}
	saResource  = schema.GroupVersionResource{Version: "v1", Resource: "serviceaccounts"}
	nsResource  = schema.GroupVersionResource{Version: "v1", Resource: "namespaces"}
)

// becomeReady waits for /readyz, creates what the absent controllers would (the default service
// account), installs the CRDs and waits until they are Established, then writes the kubeconfig.
// It returns the server's git version.
func becomeReady(ctx context.Context, url string, p *pki, o options) (string, error) {
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(p.caPEM)
	httpClient := &http.Client{
		Timeout:   10 * time.Second,
		Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}},
	}
	deadline := time.Now().Add(3 * time.Minute)
	var last string
	for {
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		body, code, err := get(httpClient, url+"/readyz", p.token)
		if err == nil && code == http.StatusOK {
			break
		}
		if err != nil {
			last = err.Error()
		} else {
			last = fmt.Sprintf("HTTP %d: %s", code, strings.TrimSpace(string(body)))
		}
		if time.Now().After(deadline) {
			return "", fmt.Errorf("/readyz not ok after 3 minutes: %s", last)
		}
		time.Sleep(250 * time.Millisecond)
	}
	body, _, err := get(httpClient, url+"/version", p.token)
	if err != nil {
		return "", err
	}
	var version struct {
		GitVersion string `json:"gitVersion"`
	}
	if err := json.Unmarshal(body, &version); err != nil {
		return "", fmt.Errorf("/version: %w", err)
	}

	cfg := &rest.Config{Host: url, BearerToken: p.token, TLSClientConfig: rest.TLSClientConfig{CAData: p.caPEM}}
	client, err := dynamic.NewForConfig(cfg)
	if err != nil {
		return "", err
	}
	if err := defaultServiceAccount(ctx, client); err != nil {
		return "", err
	}
	if o.crds != "" {
		if err := installCRDs(ctx, client, o.crds); err != nil {
			return "", err
		}
	}
	if err := writeKubeconfig(o.kubeconfig, url, p); err != nil {
		return "", err
	}
	return version.GitVersion, nil
}

func get(c *http.Client, url, token string) ([]byte, int, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, 0, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := c.Do(req)
	if err != nil {
		return nil, 0, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return body, resp.StatusCode, err
}

// defaultServiceAccount creates default/default, which kube-controller-manager (not run here) would:
// the ServiceAccount admission plugin refuses a Pod whose service account does not exist.
func defaultServiceAccount(ctx context.Context, client dynamic.Interface) error {
	deadline := time.Now().Add(time.Minute)
	for {
		_, err := client.Resource(nsResource).Get(ctx, "default", metav1.GetOptions{})
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("namespace default not created by the API server: %w", err)
		}
		time.Sleep(200 * time.Millisecond)
	}
	sa := &unstructured.Unstructured{Object: map[string]any{
		"apiVersion": "v1", "kind": "ServiceAccount",
		"metadata": map[string]any{"name": "default", "namespace": "default"},
	}}
	_, err := client.Resource(saResource).Namespace("default").Create(ctx, sa, metav1.CreateOptions{})
	if err != nil && !apierrors.IsAlreadyExists(err) {
		return fmt.Errorf("service account default/default: %w", err)
	}
	return nil
}

// installCRDs creates every CustomResourceDefinition of the YAML/JSON files under dir (sorted by
// path) and waits until each is Established. A CRD that converts through a webhook gets strategy
// None: no webhook runs on this loopback control plane, and the objects ai-infra renders are at
// the storage version.
func installCRDs(ctx context.Context, client dynamic.Interface, dir string) error {
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && (strings.HasSuffix(path, ".yaml") || strings.HasSuffix(path, ".yml") || strings.HasSuffix(path, ".json")) {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("CRD folder: %w", err)
	}
	sort.Strings(files)
	var names []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		dec := utilyaml.NewYAMLOrJSONDecoder(bytes.NewReader(data), 4096)
		for doc := 0; ; doc++ {
			var obj map[string]any
			if err := dec.Decode(&obj); err != nil {
				if errors.Is(err, io.EOF) {
					break
				}
				return fmt.Errorf("%s document %d: %w", f, doc, err)
			}
			if len(obj) == 0 {
				continue
			}
			u := &unstructured.Unstructured{Object: obj}
			if u.GetKind() != "CustomResourceDefinition" {
				continue
			}
			if strategy, _, _ := unstructured.NestedString(obj, "spec", "conversion", "strategy"); strategy == "Webhook" {
				_ = unstructured.SetNestedMap(obj, map[string]any{"strategy": "None"}, "spec", "conversion")
			}
			_, err := client.Resource(crdResource).Create(ctx, u, metav1.CreateOptions{FieldManager: "controlplane"})
			if err != nil && !apierrors.IsAlreadyExists(err) {
				return fmt.Errorf("installing %s from %s: %w", u.GetName(), f, err)
			}
			names = append(names, u.GetName())
		}
	}
	deadline := time.Now().Add(2 * time.Minute)
	for _, name := range names {
		for {
			crd, err := client.Resource(crdResource).Get(ctx, name, metav1.GetOptions{})
			if err == nil && established(crd) {
				break
			}
			if time.Now().After(deadline) {
				return fmt.Errorf("CRD %s not Established after 2 minutes", name)
			}
			time.Sleep(200 * time.Millisecond)
		}
	}
	fmt.Fprintf(os.Stderr, "controlplane: %d CRDs installed and Established\n", len(names))
	return nil
}

func established(crd *unstructured.Unstructured) bool {
	conds, _, _ := unstructured.NestedSlice(crd.Object, "status", "conditions")
	for _, c := range conds {
		m, _ := c.(map[string]any)
		if m["type"] == "Established" && m["status"] == "True" {
			return true
		}
	}
	return false
}

func writeKubeconfig(path, url string, p *pki) error {
	ca := strings.TrimSpace(b64(p.caPEM))
	text := fmt.Sprintf(`apiVersion: v1
kind: Config
clusters:
- name: ai-infra-controlplane
  cluster:
    server: %s
    certificate-authority-data: %s
users:
- name: admin
  user:
    token: %s
contexts:
- name: ai-infra-controlplane
  context:
    cluster: ai-infra-controlplane
    user: admin
    namespace: default
current-context: ai-infra-controlplane
`, url, ca, p.token)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(text), 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
