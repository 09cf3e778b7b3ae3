package dev.aiinfra.observability.model.metrics;

import static dev.aiinfra.observability.model.metrics.MetricSource.DCGM_EXPORTER;

import java.util.List;

/**
 * NVIDIA dcgm-exporter metrics (4.x names, {@code etc/default-counters.csv} @ 4.5.3-4.8.2). Every
 * series carries {@code gpu}, {@code UUID}, {@code pci_bus_id}, {@code device}, {@code modelName},
 * {@code Hostname} (renamed {@code hostname} after the tag) and, with {@code --kubernetes}, the
 * {@code pod}, {@code namespace}, {@code container} of the workload holding the GPU.
 */
public final class DcgmMetrics {
  private DcgmMetrics() {}

  /** Exporter labels identifying the device. */
  public static final List<String> DEVICE_LABELS = List.of("gpu", "UUID", "pci_bus_id", "device", "modelName", "Hostname");

  /** Coarse "GPU busy" %, 0–100; not on MIG. */
  public static final Metric GPU_UTIL = Metric.gauge(DCGM_EXPORTER, "DCGM_FI_DEV_GPU_UTIL");
  /** Ratio 0–1 of time the graphics/compute engine is active (DCP, Volta+). */
  public static final Metric GR_ENGINE_ACTIVE = Metric.gauge(DCGM_EXPORTER, "DCGM_FI_PROF_GR_ENGINE_ACTIVE");
  /** Ratio of cycles the tensor pipe is active (DCP). */
  public static final Metric PIPE_TENSOR_ACTIVE = Metric.gauge(DCGM_EXPORTER, "DCGM_FI_PROF_PIPE_TENSOR_ACTIVE");
  /** Ratio of cycles the memory interface is busy (DCP). */
  public static final Metric DRAM_ACTIVE = Metric.gauge(DCGM_EXPORTER, "DCGM_FI_PROF_DRAM_ACTIVE");
  /** GPU temperature, °C. */
  public static final Metric GPU_TEMP = Metric.gauge(DCGM_EXPORTER, "DCGM_FI_DEV_GPU_TEMP");
  /** HBM temperature, °C. */
  public static final Metric MEMORY_TEMP = Metric.gauge(DCGM_EXPORTER, "DCGM_FI_DEV_MEMORY_TEMP");
  /** Power draw, W. */
  public static final Metric POWER_USAGE = Metric.gauge(DCGM_EXPORTER, "DCGM_FI_DEV_POWER_USAGE");
  /** Energy since boot, mJ. */
  public static final Metric TOTAL_ENERGY_CONSUMPTION = Metric.counter(DCGM_EXPORTER, "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION");
  /** Value of the last XID (not a count), labelled {@code err_code}, {@code err_msg}. */
  public static final Metric XID_ERRORS = Metric.gauge(DCGM_EXPORTER, "DCGM_FI_DEV_XID_ERRORS", "err_code", "err_msg");
  /** Framebuffer free, MiB. */
  public static final Metric FB_FREE = Metric.gauge(DCGM_EXPORTER, "DCGM_FI_DEV_FB_FREE");
  /** Framebuffer used, MiB. */
  public static final Metric FB_USED = Metric.gauge(DCGM_EXPORTER, "DCGM_FI_DEV_FB_USED");
  /** Framebuffer reserved, MiB. */
  public static final Metric FB_RESERVED = Metric.gauge(DCGM_EXPORTER, "DCGM_FI_DEV_FB_RESERVED");
  /** Remapped HBM rows after uncorrectable errors (a counter, exposed without {@code _total}). */
  public static final Metric UNCORRECTABLE_REMAPPED_ROWS = Metric.counter(DCGM_EXPORTER, "DCGM_FI_DEV_UNCORRECTABLE_REMAPPED_ROWS");
  /** Remapped HBM rows after correctable errors. */
  public static final Metric CORRECTABLE_REMAPPED_ROWS = Metric.counter(DCGM_EXPORTER, "DCGM_FI_DEV_CORRECTABLE_REMAPPED_ROWS");
  /** 1 when row remapping failed: the GPU needs service. */
  public static final Metric ROW_REMAP_FAILURE = Metric.gauge(DCGM_EXPORTER, "DCGM_FI_DEV_ROW_REMAP_FAILURE");
  /** Volatile double-bit ECC errors (off by default; needs a custom counters CSV). */
  public static final Metric ECC_DBE_VOL_TOTAL = Metric.counter(DCGM_EXPORTER, "DCGM_FI_DEV_ECC_DBE_VOL_TOTAL");
  /** Volatile single-bit ECC errors (off by default). */
  public static final Metric ECC_SBE_VOL_TOTAL = Metric.counter(DCGM_EXPORTER, "DCGM_FI_DEV_ECC_SBE_VOL_TOTAL");
  /** PCIe retries. */
  public static final Metric PCIE_REPLAY_COUNTER = Metric.counter(DCGM_EXPORTER, "DCGM_FI_DEV_PCIE_REPLAY_COUNTER");
  /** SM clock, MHz. */
  public static final Metric SM_CLOCK = Metric.gauge(DCGM_EXPORTER, "DCGM_FI_DEV_SM_CLOCK");
  /** XIDs seen in a window (exporter-side, labels {@code xid}, {@code window_size_in_ms}). */
  public static final Metric EXP_XID_ERRORS_COUNT = Metric.gauge(DCGM_EXPORTER, "DCGM_EXP_XID_ERRORS_COUNT", "xid", "window_size_in_ms");

  /** Every constant above. */
  public static final List<Metric> ALL = List.of(GPU_UTIL, GR_ENGINE_ACTIVE, PIPE_TENSOR_ACTIVE, DRAM_ACTIVE, GPU_TEMP, MEMORY_TEMP, POWER_USAGE,
      TOTAL_ENERGY_CONSUMPTION, XID_ERRORS, FB_FREE, FB_USED, FB_RESERVED, UNCORRECTABLE_REMAPPED_ROWS, CORRECTABLE_REMAPPED_ROWS,
      ROW_REMAP_FAILURE, ECC_DBE_VOL_TOTAL, ECC_SBE_VOL_TOTAL, PCIE_REPLAY_COUNTER, SM_CLOCK, EXP_XID_ERRORS_COUNT);
}
