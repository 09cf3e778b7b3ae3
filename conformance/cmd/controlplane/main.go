// Command controlplane runs a real Kubernetes control plane on loopback for ai-infra's integration
// tests: kube-apiserver from k8s.io/kubernetes (the same release as the upstream oracle) over an
// embedded etcd (go.etcd.io/etcd/server/v3/embed), both on 127.0.0.1 at free ports.
//
//	controlplane [--kubeconfig FILE] [--crds DIR] [--feature-gates A=true,...] [--runtime-config ...]
//	             [--dir DIR] [--keep]
//
// It generates a CA, a serving certificate and a static admin token, starts etcd and the API server,
// waits for /readyz, installs every CustomResourceDefinition found under --crds and waits until each
// is Established, writes a kubeconfig and prints one line on stdout:
//
//	controlplane: ready url=https://127.0.0.1:PORT kubeconfig=FILE version=v1.36.3
//
// It runs until one SIGINT/SIGTERM or until its stdin closes (with --watch-stdin: the test JVM
// went away), then stops the API server and etcd and removes its data directory and the kubeconfig
// it wrote (unless --keep). A second signal makes kube-apiserver exit at once, leaving the data.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"
)

func main() {
	os.Exit(run())
}

type options struct {
	dir           string
	kubeconfig    string
	crds          string
	featureGates  string
	runtimeConfig string
	keep          bool
	watchStdin    bool
}

func run() int {
	var o options
	fs := flag.NewFlagSet("controlplane", flag.ContinueOnError)
	fs.StringVar(&o.dir, "dir", "", "data directory (etcd data, certificates); default: a new temporary directory")
	fs.StringVar(&o.kubeconfig, "kubeconfig", "", "where to write the kubeconfig; default: DIR/kubeconfig")
	fs.StringVar(&o.crds, "crds", "", "folder of CustomResourceDefinition YAML files to install (recursively)")
	fs.StringVar(&o.featureGates, "feature-gates", defaultFeatureGates, "kube-apiserver --feature-gates; gates this release does not know are dropped with a note")
	fs.StringVar(&o.runtimeConfig, "runtime-config", "api/all=true", "kube-apiserver --runtime-config")
	fs.BoolVar(&o.keep, "keep", false, "keep the data directory and kubeconfig on exit")
	fs.BoolVar(&o.watchStdin, "watch-stdin", false, "stop when stdin reaches end of file (for a parent process)")
	if err := fs.Parse(os.Args[1:]); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "controlplane: unexpected arguments %q\n", fs.Args())
		return 2
	}
	if err := start(o); err != nil {
		fmt.Fprintf(os.Stderr, "controlplane: %v\n", err)
		return 3
	}
	return 0
}

func start(o options) (err error) {
	created := false
	if o.dir == "" {
		if o.dir, err = os.MkdirTemp("", "ai-infra-controlplane-"); err != nil {
			return err
		}
		created = true
	} else if err = os.MkdirAll(o.dir, 0o700); err != nil {
		return err
	}
	if o.kubeconfig == "" {
		o.kubeconfig = filepath.Join(o.dir, "kubeconfig")
	}
	if o.kubeconfig, err = filepath.Abs(o.kubeconfig); err != nil {
		return err
	}
	defer func() {
		if o.keep {
			return
		}
		_ = os.Remove(o.kubeconfig)
		if created {
			_ = os.RemoveAll(o.dir)
		} else {
			_ = os.RemoveAll(filepath.Join(o.dir, "etcd"))
			_ = os.RemoveAll(filepath.Join(o.dir, "pki"))
		}
	}()

	pki, err := writePKI(filepath.Join(o.dir, "pki"))
	if err != nil {
		return fmt.Errorf("certificates: %w", err)
	}
	etcd, err := startEtcd(filepath.Join(o.dir, "etcd"))
	if err != nil {
		return fmt.Errorf("etcd: %w", err)
	}
	defer etcd.stop()

	apiPort, err := freePort()
	if err != nil {
		return err
	}
	gates, dropped := knownGates(o.featureGates)
	for _, d := range dropped {
		fmt.Fprintf(os.Stderr, "controlplane: feature gate %s is not known to this kube-apiserver; left out\n", d)
	}
	// kube-apiserver installs its own SIGINT/SIGTERM handler (one signal: graceful stop); this
	// program listens to the same signals to clean up after it, and stops it by signalling itself.
	stop := make(chan os.Signal, 2)
	signal.Notify(stop, syscall.SIGINT, syscall.SIGTERM)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	apiDone := make(chan error, 1)
	go func() {
		apiDone <- runAPIServer(apiArgs(pki, etcd.clientURL, apiPort, gates, o.runtimeConfig))
	}()

	url := fmt.Sprintf("https://127.0.0.1:%d", apiPort)
	readyErr := make(chan error, 1)
	var version string
	go func() {
		var err error
		version, err = becomeReady(ctx, url, pki, o)
		readyErr <- err
	}()
	if o.watchStdin {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			stopSelf()
		}()
	}

	var result error
	select {
	case err := <-readyErr:
		if err != nil {
			result = err
			stopSelf()
			break
		}
		fmt.Printf("controlplane: ready url=%s kubeconfig=%s version=%s\n", url, o.kubeconfig, version)
		select {
		case <-stop:
		case err := <-apiDone:
			return fmt.Errorf("kube-apiserver stopped: %v", err)
		}
	case err := <-apiDone:
		return fmt.Errorf("kube-apiserver did not start: %v", err)
	case <-stop:
	}
	cancel()
	select {
	case <-apiDone:
	case <-time.After(30 * time.Second):
		fmt.Fprintln(os.Stderr, "controlplane: kube-apiserver did not stop within 30 s")
	}
	return result
}

var stopOnce sync.Once

// stopSelf sends this process one SIGTERM, which kube-apiserver's handler turns into a graceful
// stop. Only one: its handler exits at once on a second signal, before the data is removed, so a
// parent should stop this program either by closing its stdin or by one signal, not both.
func stopSelf() {
	stopOnce.Do(func() { _ = syscall.Kill(os.Getpid(), syscall.SIGTERM) })
}

func freePort() (int, error) {
	l, err := listenLoopback()
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return portOf(l.Addr().String())
}

func splitGates(s string) []string {
	var out []string
	for _, g := range strings.Split(s, ",") {
		if g = strings.TrimSpace(g); g != "" {
			out = append(out, g)
		}
	}
	return out
}
