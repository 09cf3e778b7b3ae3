package dev.aiinfra.serving.model.pd;

/**
 * How a disaggregated deployment moves the KV cache from prefill to decode workers. RDMA uses each
 * GPU's NIC (NIXL/UCX over InfiniBand or RoCE) at 70 % of line rate; TCP is the fallback without
 * RDMA, which Dynamo reports turning a 355 ms TTFT into more than 10 s; NVLINK keeps both roles
 * inside one NVLink domain.
 */
public enum KvTransport {
  RDMA(0.7, 0.001),
  /** UCX over TCP: about 10 Gb/s per transfer whatever the NIC, 5 ms to set up. */
  TCP(0.0, 0.005),
  NVLINK(0.7, 0.0005);

  private final double efficiency;
  private final double setupSeconds;

  KvTransport(double efficiency, double setupSeconds) {
    this.efficiency = efficiency;
    this.setupSeconds = setupSeconds;
  }

  /** Fraction of the link's rate a transfer reaches (0 for TCP, which uses a fixed rate instead). */
  public double efficiency() {
    return efficiency;
  }

  public double setupSeconds() {
    return setupSeconds;
  }

  /** Bytes per second one transfer between workers of {@code lanes} GPUs each reaches on this GPU. */
  public double bytesPerSecond(GpuSpec gpu, int lanes) {
    switch (this) {
      case TCP:
        return 1.25e9;
      case NVLINK:
        return lanes * gpu.interconnectBytesPerSecond() * efficiency;
      default:
        return lanes * gpu.networkBytesPerSecond() * efficiency;
    }
  }
}
