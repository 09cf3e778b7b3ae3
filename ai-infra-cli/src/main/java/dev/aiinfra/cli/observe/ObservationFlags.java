package dev.aiinfra.cli.observe;

import dev.aiinfra.cli.UsageException;
import dev.aiinfra.observability.model.MonitoringOptions;
import dev.aiinfra.observability.model.ObservationOptions;
import dev.aiinfra.observability.model.Signal;
import dev.aiinfra.observability.model.autoscale.ScalerKind;
import dev.aiinfra.observability.model.engine.ServingEngine;
import dev.aiinfra.serving.model.autoscale.AutoscalerSpec;
import dev.aiinfra.serving.model.pd.ServingSla;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The flags that shape what observability renders, shared by {@code observe render} and {@code serve
 * render --monitoring}: signal families, engine, SLA and objective, the autoscaler and its wiring,
 * and the labels a Prometheus CR selects the objects by.
 */
public final class ObservationFlags {
  @Option(names = "--with", split = ",", paramLabel = "SIGNALS",
      description = "Families to generate: gpu, gang, restarts, serving, autoscaling (comma-separated). Default: all.")
  List<String> with = new ArrayList<>();

  @Option(names = "--engine", paramLabel = "ENGINE", description = "vllm, sglang or trtllm for every serving workload. Default: read from each workload's container command.")
  String engine;

  @Option(names = "--slo-ttft", paramLabel = "MS", defaultValue = "2000", description = "Serving SLO: time to first token limit. Default: ${DEFAULT-VALUE}.")
  double ttft;

  @Option(names = "--slo-tpot", paramLabel = "MS", defaultValue = "30", description = "Serving SLO: inter-token latency limit. Default: ${DEFAULT-VALUE}.")
  double tpot;

  @Option(names = "--slo-request-latency", paramLabel = "MS", description = "Serving SLO: whole-request latency limit. Default: none.")
  Double requestLatency;

  @Option(names = "--objective", paramLabel = "SHARE", defaultValue = "0.99", description = "Share of requests that must meet each limit. Default: ${DEFAULT-VALUE}.")
  double objective;

  @Option(names = "--min-replicas", paramLabel = "N", defaultValue = "1", description = "Autoscaler: fewest replicas (0 lets KEDA scale to zero). Default: ${DEFAULT-VALUE}.")
  int minReplicas;

  @Option(names = "--max-replicas", paramLabel = "N", defaultValue = "8", description = "Autoscaler: most replicas. Default: ${DEFAULT-VALUE}.")
  int maxReplicas;

  @Option(names = "--queue-per-replica", paramLabel = "N", defaultValue = "10", description = "Autoscaler: target waiting requests per replica. Default: ${DEFAULT-VALUE}.")
  double queuePerReplica;

  @Option(names = "--kv-cache-target", paramLabel = "SHARE", defaultValue = "0.8", description = "Autoscaler: target KV-cache utilisation. Default: ${DEFAULT-VALUE}.")
  double kvCache;

  @Option(names = "--scale-on-latency", description = "Autoscaler: also scale on p90 TTFT and ITL against the SLO limits. Default: off.")
  boolean scaleOnLatency;

  @Option(names = "--startup-seconds", paramLabel = "S", defaultValue = "120", description = "Autoscaler: seconds from a new replica to serving. Default: ${DEFAULT-VALUE}.")
  double startupSeconds;

  @Option(names = "--scaler", paramLabel = "KIND", defaultValue = "keda", description = "keda (ScaledObject) or prometheus-adapter (adapter rules and an HPA). Default: ${DEFAULT-VALUE}.")
  String scaler;

  @Option(names = "--prometheus", paramLabel = "URL", defaultValue = "http://prometheus-operated.monitoring.svc:9090",
      description = "Prometheus the KEDA triggers query. Default: ${DEFAULT-VALUE}.")
  String prometheus;

  @Option(names = "--object-label", paramLabel = "KEY=VALUE", description = "Label on every monitor and rule, for the Prometheus CR's selectors (e.g. release=kube-prometheus-stack); repeatable. Default: none.")
  Map<String, String> objectLabels = new LinkedHashMap<>();

  /** The options these flags describe; a bad value is a usage error naming the flag. */
  public ObservationOptions options() {
    List<String> problems = new ArrayList<>();
    Set<Signal> signals = EnumSet.noneOf(Signal.class);
    for (String w : with) {
      Signal.parse(w).ifPresentOrElse(signals::add, () -> problems.add("--with: unknown family \"" + w + "\"; use gpu, gang, restarts, serving, autoscaling"));
    }
    if (with.isEmpty()) {
      signals = EnumSet.allOf(Signal.class);
    }
    ObservationOptions.Builder b = ObservationOptions.builder().signals(signals).objective(objective).prometheus(prometheus);
    if (engine != null) {
      ServingEngine.byId(engine).ifPresentOrElse(b::engine, () -> problems.add("--engine: unknown engine \"" + engine + "\"; use vllm, sglang or trtllm"));
    }
    ScalerKind.byId(scaler).ifPresentOrElse(b::scaler, () -> problems.add("--scaler: use keda or prometheus-adapter, not \"" + scaler + "\""));
    if (!(objective > 0 && objective < 1)) {
      problems.add("--objective must be a share strictly between 0 and 1, e.g. 0.99");
    }
    if (!problems.isEmpty()) {
      throw new UsageException(String.join("\n  ", problems));
    }
    ServingSla.Builder sla = ServingSla.builder().ttftMs(ttft).tpotMs(tpot);
    if (requestLatency != null) {
      sla.requestLatencyMs(requestLatency);
    }
    b.sla(sla.build());
    b.monitoring(MonitoringOptions.builder().putAllObjectLabels(objectLabels).build());
    AutoscalerSpec.Builder a = AutoscalerSpec.builder().minReplicas(minReplicas).maxReplicas(maxReplicas).queueDepthPerReplica(queuePerReplica)
        .kvCacheUtilisation(kvCache).kvCacheCapacityPerReplica(1).startupSeconds(startupSeconds);
    if (scaleOnLatency) {
      a.ttftSloMs(ttft).tpotSloMs(tpot);
    }
    b.autoscaler(a.build());
    return b.build();
  }
}
