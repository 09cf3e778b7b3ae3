package dev.aiinfra.cli.golden;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.List;

/**
 * The golden JSON cases, at least one per command of the {@code ai-infra} tree (checked by
 * {@link EveryCommandHasAGoldenCaseTest}): a representative answer and, where the command has one,
 * a negative answer (exit 1). Inputs are the fixtures the CLI tests share ({@code dra/}, {@code gang/})
 * or small files in the command's {@code golden-json/.../input} folder.
 */
final class GoldenCases {
  private static final List<String> PD_PLAN = List.of("--model", "Qwen/Qwen3-32B-FP8", "--system", "h200_sxm", "--total-gpus", "32",
      "--isl", "4000", "--osl", "500", "--prefix", "500", "--ttft", "300", "--tpot", "10");

  private GoldenCases() {}

  static List<GoldenCase> all() {
    List<GoldenCase> all = new ArrayList<>();
    all.addAll(manifests());
    all.addAll(cluster());
    all.addAll(scheduling());
    all.addAll(dns());
    all.addAll(cgroup());
    all.addAll(serving());
    all.add(GoldenCase.of("batch", "three-cases", in -> List.of("batch", in.file("cases"))));
    return all;
  }

  private static List<GoldenCase> manifests() {
    return List.of(
        GoldenCase.of("version", "json", in -> List.of("version", "-o", "json")),
        GoldenCase.of("validate", "valid", in -> List.of("validate", "-f", in.file("valid.yaml"), "-o", "json")),
        GoldenCase.of("validate", "invalid-and-unknown-kind", in -> List.of("validate", "-f", in.file("invalid-and-unknown.yaml"), "-o", "json")),
        GoldenCase.of("validate", "stdin", in -> List.of("validate", "-f", "-", "-o", "json"))
            .withStdin("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg, namespace: ml}\ndata: {k: v}\n"),
        GoldenCase.of("render", "dns-ndots", in -> List.of("render", "dns-ndots", "-o", "json")),
        GoldenCase.of("pss check", "hardened-pod", in -> List.of("pss", "check", "-f", in.file("hardened-pod.yaml"), "-o", "json")),
        GoldenCase.of("pss check", "restricted-denies-workloads",
            in -> List.of("pss", "check", "-f", in.file("workloads.yaml"), "-o", "json")),
        GoldenCase.of("pss check", "baseline-denies-privileged-lws",
            in -> List.of("pss", "check", "-f", in.file("workloads.yaml"), "--level", "baseline", "-o", "json")));
  }

  private static List<GoldenCase> cluster() {
    return List.of(
        GoldenCase.of("apply", "applies-in-dependency-order",
            in -> List.of("apply", "-f", in.file("bundle.yaml"), "--kubeconfig", in.kubeconfig(), "-o", "json")).onCluster(server -> { }),
        GoldenCase.of("apply", "a-failure-skips-the-rest",
                in -> List.of("apply", "-f", in.file("bundle.yaml"), "--kubeconfig", in.kubeconfig(), "-o", "json"))
            .onCluster(server -> server.expect().get().withPath("/api/v1/namespaces/ml").andReturn(403, "forbidden").always()),
        GoldenCase.of("snapshot", "one-gpu-node", in -> List.of("snapshot", "--kubeconfig", in.kubeconfig(), "-o", "json"))
            .onCluster(server -> server.client().nodes().resource(new NodeBuilder()
                .withNewMetadata().withName("gpu-1").addToLabels("kubernetes.io/hostname", "gpu-1").endMetadata()
                .withNewStatus().addToAllocatable("nvidia.com/gpu", new Quantity("8")).addToAllocatable("cpu", new Quantity("64")).endStatus()
                .build()).create()),
        GoldenCase.of("snapshot", "nodes-and-a-bound-pod-as-a-list", in -> List.of("snapshot", "--kubeconfig", in.kubeconfig(), "-o", "json"))
            .onCluster(server -> {
              for (String name : List.of("gpu-1", "gpu-2")) {
                server.client().nodes().resource(new NodeBuilder().withNewMetadata().withName(name).endMetadata()
                    .withNewStatus().addToAllocatable("nvidia.com/gpu", new Quantity("8")).endStatus().build()).create();
              }
              server.client().pods().inNamespace("ml").resource(new PodBuilder().withNewMetadata().withName("train-0").withNamespace("ml").endMetadata()
                  .withNewSpec().withNodeName("gpu-1").addNewContainer().withName("c").withImage("train:1")
                  .withNewResources().addToRequests("nvidia.com/gpu", new Quantity("4")).endResources().endContainer().endSpec()
                  .build()).create();
            }));
  }

  private static List<GoldenCase> scheduling() {
    return List.of(
        GoldenCase.of("gang place", "kueue-jobset-in-one-rack", in -> List.of("gang", "place", "-f", in.resource("gang/nodes.yaml"),
            "-f", in.resource("gang/topology.yaml"), "-f", in.resource("gang/jobset.yaml"), "-o", "json")),
        GoldenCase.of("gang place", "kueue-jobset-admitted-within-quota", in -> List.of("gang", "place", "-f", in.resource("gang/h100-nodes.yaml"),
            "-f", in.resource("gang/topology.yaml"), "-f", in.resource("gang/queues.yaml"), "-f", in.resource("gang/jobset.yaml"), "-o", "json")),
        GoldenCase.of("gang place", "kueue-jobset-over-quota", in -> List.of("gang", "place", "-f", in.resource("gang/h100-nodes.yaml"),
            "-f", in.resource("gang/topology.yaml"), "-f", in.resource("gang/queues-16-gpus.yaml"), "-f", in.resource("gang/jobset.yaml"), "-o", "json")),
        GoldenCase.of("gang place", "native-pod-group", in -> List.of("gang", "place", "-f", in.resource("gang/nodes.yaml"),
            "-f", in.resource("gang/native.yaml"), "-o", "json")),
        GoldenCase.of("gang place", "too-few-pods", in -> List.of("gang", "place", "-f", in.resource("gang/nodes.yaml"),
            "-f", in.file("native-min-count-9.yaml"), "-o", "json")),
        GoldenCase.of("gang place", "exclusive-jobset-a-rack-each", in -> List.of("gang", "place", "-f", in.resource("gang/nodes.yaml"),
            "-f", in.file("exclusive-jobset-4-jobs.yaml"), "-o", "json")),
        GoldenCase.of("gang place", "exclusive-jobset-more-jobs-than-racks", in -> List.of("gang", "place", "-f", in.resource("gang/nodes.yaml"),
            "-f", in.file("exclusive-jobset-5-jobs.yaml"), "-o", "json")),
        GoldenCase.of("kueue recipe", "h100-and-a100-in-racks", in -> List.of("kueue", "recipe", "-f", in.file("gpu-nodes.yaml"),
            "--namespace", "ml", "--cohort", "research", "-o", "json")),
        GoldenCase.of("kueue recipe", "no-gpu-product-label", in -> List.of("kueue", "recipe", "-f", in.resource("gang/nodes.yaml"), "-o", "json")),
        GoldenCase.of("dra allocate", "pod-claims", in -> List.of("dra", "allocate", "-f", in.resource("dra/cluster.yaml"),
            "-f", in.resource("dra/pod.yaml"), "-o", "json")),
        GoldenCase.of("dra allocate", "pod-claims-on-node-b", in -> List.of("dra", "allocate", "-f", in.resource("dra/cluster.yaml"),
            "-f", in.resource("dra/pod.yaml"), "--node", "node-b", "-o", "json")),
        GoldenCase.of("dra allocate", "allocated-devices-are-held", in -> List.of("dra", "allocate", "-f", in.resource("dra/cluster.yaml"),
            "-f", in.resource("dra/allocated.yaml"), "-f", in.resource("dra/two-gpus.yaml"), "-o", "json")),
        GoldenCase.of("dra allocate", "cel-runtime-error", in -> List.of("dra", "allocate", "-f", in.resource("dra/cluster.yaml"),
            "-f", in.resource("dra/bad-cel.yaml"), "-o", "json")));
  }

  private static List<GoldenCase> dns() {
    return List.of(
        GoldenCase.of("dns config", "cluster-first", in -> List.of("dns", "config", "-f", in.file("pod.yaml"),
            "--cluster-dns", "10.96.0.10", "--cluster-domain", "cluster.local", "-o", "json")),
        GoldenCase.of("dns config", "default-cluster-dns", in -> List.of("dns", "config", "-f", in.file("pod.yaml"), "-o", "json")),
        GoldenCase.of("dns resolve", "search-list-from-the-pod", in -> List.of("dns", "resolve", "--name", "kubernetes.default",
            "-f", in.file("pod.yaml"), "--cluster-dns", "10.96.0.10", "--answer", "kubernetes.default.svc.cluster.local=found", "-o", "json")),
        GoldenCase.of("dns resolve", "musl-does-not-search", in -> List.of("dns", "resolve", "--name", "redis.cache.svc",
            "--resolv-conf", in.file("resolv.conf"), "--resolver", "musl", "--answer", "redis.cache.svc.cluster.local=found", "-o", "json")),
        GoldenCase.of("dns tune", "lookups", in -> List.of("dns", "tune", "-f", in.file("workloads.yaml"), "--cluster-dns", "10.96.0.10",
            "--lookup", "api.openai.com", "--in-cluster", "redis.cache", "-o", "json")),
        GoldenCase.of("dns tune", "forced-ndots-breaks-a-lookup", in -> List.of("dns", "tune", "-f", in.file("workloads.yaml"),
            "--cluster-dns", "10.96.0.10", "--in-cluster", "redis.cache.svc", "--resolver", "musl", "--ndots", "1", "-o", "json")));
  }

  private static List<GoldenCase> cgroup() {
    return List.of(
        GoldenCase.of("cgroup pod", "burstable-1.35-memory-qos", in -> List.of("cgroup", "pod", "-f", in.file("burstable.yaml"),
            "--kubernetes-version", "1.35", "--memory-qos", "-o", "json")),
        GoldenCase.of("cgroup pod", "guaranteed-with-sidecar", in -> List.of("cgroup", "pod", "-f", in.file("guaranteed-with-sidecar.yaml"),
            "--kubernetes-version", "1.36", "--memory-qos", "--memory-reservation-policy", "TieredReservation", "--pod-pids-limit", "1024",
            "-o", "json")),
        GoldenCase.of("cgroup pod", "best-effort-unwritten-files", in -> List.of("cgroup", "pod", "-f", in.file("best-effort.yaml"),
            "--cpu-cfs-quota=false", "--single-process-oom-kill", "-o", "json")),
        GoldenCase.of("cgroup qos", "three-pods", in -> List.of("cgroup", "qos", "-f", in.file("pods.yaml"),
            "--node-allocatable", "cpu=4,memory=16Gi", "-o", "json")),
        GoldenCase.of("cgroup convert", "shares", in -> List.of("cgroup", "convert", "--cpu-shares", "1024", "-o", "json")),
        GoldenCase.of("cgroup convert", "request-and-limit", in -> List.of("cgroup", "convert", "--cpu-request", "250m", "--cpu-limit", "1500m",
            "--cpu-period", "50000", "--formula", "linear", "-o", "json")),
        GoldenCase.of("cgroup node", "ready", in -> List.of("cgroup", "node", "--kernel", "6.1", "--cgroup-driver", "systemd",
            "--runtime", "containerd:2.0", "-o", "json")),
        GoldenCase.of("cgroup node", "not-ready", in -> List.of("cgroup", "node", "--kernel", "5.4", "--cgroup-driver", "cgroupfs",
            "--runtime", "containerd:1.3", "--kubernetes-version", "1.30", "-o", "json")));
  }

  private static List<GoldenCase> serving() {
    return List.of(
        GoldenCase.of("pd plan", "disaggregated-advice", in -> concat(List.of("pd", "plan"), PD_PLAN, List.of("--top", "3", "-o", "json"))),
        GoldenCase.of("serve render", "dual-leader-worker-sets",
            in -> concat(List.of("serve", "render"), PD_PLAN, List.of("--name", "qwen3", "--namespace", "serving", "-o", "json"))),
        GoldenCase.of("observe render", "serving-and-training", in -> List.of("observe", "render", "-f", in.file("serving-and-training.yaml"),
            "--slo-ttft", "1000", "--slo-tpot", "50", "--max-replicas", "16", "--scale-on-latency", "-o", "json")));
  }

  private static List<String> concat(List<String> a, List<String> b, List<String> c) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    all.addAll(c);
    return all;
  }
}
