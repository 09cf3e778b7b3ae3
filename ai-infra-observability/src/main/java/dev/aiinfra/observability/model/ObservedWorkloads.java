package dev.aiinfra.observability.model;

import dev.aiinfra.observability.model.engine.ServingWorkload;
import dev.aiinfra.observability.model.workload.MonitoredWorkload;
import java.util.List;

/**
 * The workloads of a manifest set as observability sees them: every one to monitor, and the
 * serving workloads among them (with their role and engine).
 */
public record ObservedWorkloads(List<MonitoredWorkload> workloads, List<ServingWorkload> serving) {
  public ObservedWorkloads {
    workloads = List.copyOf(workloads);
    serving = List.copyOf(serving);
  }
}
