package dev.aiinfra.scheduling.model.kueue;

/** How a ClusterQueue orders its workloads: StrictFIFO blocks behind the head, BestEffortFIFO (default) does not. */
public enum QueueingStrategy {
  StrictFIFO,
  BestEffortFIFO
}
