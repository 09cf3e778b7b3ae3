package dev.aiinfra.observability.policy;

import dev.aiinfra.observability.model.MonitoringOptions;
import dev.aiinfra.observability.model.monitor.MonitorKind;
import dev.aiinfra.observability.model.monitor.MonitorSpec;
import dev.aiinfra.observability.model.monitor.RelabelAction;
import dev.aiinfra.observability.model.monitor.Relabeling;
import dev.aiinfra.observability.model.monitor.ScrapeEndpoint;
import java.util.TreeMap;

/**
 * The ServiceMonitor for NVIDIA dcgm-exporter, with {@code honorLabels: true} so the exporter's
 * {@code pod}/{@code namespace}/{@code container} (the workload holding the GPU) win over the
 * exporter pod's own; with the default {@code false} they would arrive as {@code exported_pod} …
 * (dcgm-exporter#85). Because honoured labels are only kept where the exporter sets them, the
 * target's own {@code pod}, {@code container} and {@code namespace} are dropped first: an
 * unallocated GPU must not look held by the exporter pod. The exporter pod's node becomes {@code
 * node}.
 */
public final class DcgmMonitor {
  public static final String NAME = "ai-infra-dcgm-exporter";

  private DcgmMonitor() {}

  public static MonitorSpec monitor(MonitoringOptions o) {
    ScrapeEndpoint endpoint = ScrapeEndpoint.builder().port(o.dcgmPort()).interval("15s").scrapeTimeout("10s").honorLabels(true)
        .addRelabeling(Relabeling.copy("__meta_kubernetes_pod_node_name", "node"))
        .addRelabeling(Relabeling.builder().regex("pod|container|namespace").action(RelabelAction.LABELDROP).build())
        .build();
    return MonitorSpec.builder().kind(MonitorKind.SERVICE_MONITOR).name(NAME).namespace(o.dcgmNamespace())
        .labels(new TreeMap<>(o.objectLabels())).selector(new TreeMap<>(o.dcgmServiceLabels())).addEndpoint(endpoint).build();
  }
}
