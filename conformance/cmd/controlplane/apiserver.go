package main

import (
	"sort"
	"strconv"
	"strings"

	utilfeature "k8s.io/apiserver/pkg/util/feature"
	"k8s.io/component-base/featuregate"
	"k8s.io/kubernetes/cmd/kube-apiserver/app"
)

// defaultFeatureGates are the alpha and beta gates behind what ai-infra renders for the newest
// release (ClusterProfile's FeatureGate table); the Java extension passes the profile's own list.
const defaultFeatureGates = "GenericWorkload=true,GangScheduling=true,TopologyAwareWorkloadScheduling=true," +
	"WorkloadAwarePreemption=true,WorkloadWithJob=true,DRAWorkloadResourceClaims=true," +
	"DRADeviceTaints=true,DRAPartitionableDevices=true,DRAConsumableCapacity=true," +
	"DRADeviceBindingConditions=true,DRAExtendedResource=true,DRAListTypeAttributes=true," +
	"DRAResourceClaimDeviceStatus=true,ContainerRestartRules=true,RestartAllContainersOnContainerExits=true"

// runAPIServer runs the real kube-apiserver command (k8s.io/kubernetes/cmd/kube-apiserver/app)
// in this process until it receives SIGINT or SIGTERM.
func runAPIServer(args []string) error {
	cmd := app.NewAPIServerCommand()
	cmd.SetArgs(args)
	return cmd.Execute()
}

func apiArgs(p *pki, etcdURL string, port int, gates, runtimeConfig string) []string {
	args := []string{
		"--etcd-servers=" + etcdURL,
		"--bind-address=127.0.0.1",
		"--advertise-address=127.0.0.1",
		"--secure-port=" + strconv.Itoa(port),
		"--cert-dir=" + p.dir,
		"--tls-cert-file=" + p.servingCert,
		"--tls-private-key-file=" + p.servingKey,
		"--token-auth-file=" + p.tokenFile,
		"--authorization-mode=RBAC",
		"--service-account-issuer=https://kubernetes.default.svc.cluster.local",
		"--service-account-key-file=" + p.saPub,
		"--service-account-signing-key-file=" + p.saKey,
		"--service-cluster-ip-range=10.0.0.0/16",
		"--allow-privileged=true",
		// The default reconciler publishes the advertise address in the kubernetes Service's
		// endpoints, and a loopback address is refused there; nothing here needs that Service.
		"--endpoint-reconciler-type=none",
		"--runtime-config=" + runtimeConfig,
		"--v=0",
	}
	if gates != "" {
		args = append(args, "--feature-gates="+gates)
	}
	return args
}

// knownGates keeps the gates of a --feature-gates list that this kube-apiserver knows (a name it
// does not know would stop it from starting) and returns the names it left out.
func knownGates(list string) (string, []string) {
	known := utilfeature.DefaultMutableFeatureGate.GetAll()
	var kept, dropped []string
	for _, g := range splitGates(list) {
		name := strings.TrimSpace(strings.SplitN(g, "=", 2)[0])
		if _, ok := known[featuregate.Feature(name)]; ok || name == "AllAlpha" || name == "AllBeta" {
			kept = append(kept, g)
		} else {
			dropped = append(dropped, name)
		}
	}
	sort.Strings(dropped)
	return strings.Join(kept, ","), dropped
}
