package dev.aiinfra.cli.pd;

import dev.aiinfra.cli.UsageException;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.serving.model.pd.Backend;
import dev.aiinfra.serving.model.pd.GpuSpec;
import dev.aiinfra.serving.model.pd.KvTransport;
import dev.aiinfra.serving.model.pd.ModelSpec;
import dev.aiinfra.serving.model.pd.PdCatalog;
import dev.aiinfra.serving.model.pd.PlanRequest;
import dev.aiinfra.serving.model.pd.ServingSla;
import dev.aiinfra.serving.model.pd.Traffic;
import dev.aiinfra.serving.read.CatalogReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** The planning flags, spelled as AIConfigurator's {@code cli default} spells them. */
public final class PlanOptions {
  @Option(names = "--model", required = true, paramLabel = "MODEL",
      description = "Hugging Face id (Qwen/Qwen3-32B-FP8: the -FP8 suffix selects FP8 weights and KV cache) or catalog name.")
  String model;

  @Option(names = "--system", required = true, paramLabel = "SYSTEM", description = "GPU system: h100_sxm, h200_sxm, b200_sxm, a100_sxm, l40s.")
  String system;

  @Option(names = "--total-gpus", required = true, paramLabel = "N", description = "GPU budget.")
  int totalGpus;

  @Option(names = "--isl", required = true, paramLabel = "N", description = "Input sequence length (tokens).")
  int isl;

  @Option(names = "--osl", required = true, paramLabel = "N", description = "Output sequence length (tokens).")
  int osl;

  @Option(names = "--prefix", defaultValue = "0", paramLabel = "N", description = "Prompt tokens served from the prefix cache. Default: ${DEFAULT-VALUE}.")
  int prefix;

  @Option(names = "--ttft", paramLabel = "MS", description = "Time-to-first-token limit. Default: 2000.")
  Double ttft;

  @Option(names = "--tpot", paramLabel = "MS", description = "Time-per-output-token limit. Default: 30, none when only --request-latency is given.")
  Double tpot;

  @Option(names = "--request-latency", paramLabel = "MS", description = "End-to-end request latency limit.")
  Double requestLatency;

  @Option(names = "--backend", defaultValue = "trtllm", paramLabel = "NAME", description = "trtllm, vllm or sglang. Default: ${DEFAULT-VALUE}.")
  String backend;

  @Option(names = "--kv-transport", defaultValue = "rdma", paramLabel = "KIND", description = "rdma, tcp or nvlink between prefill and decode workers. Default: ${DEFAULT-VALUE}.")
  String kvTransport;

  @Option(names = "--catalog", paramLabel = "FILE", description = "Extra GPUs and models (JSON or YAML), added to the shipped catalog.")
  Path catalog;

  @Option(names = "--top", defaultValue = "5", paramLabel = "N", description = "Candidates to list. Default: ${DEFAULT-VALUE}.")
  int top;

  /** The request, or every problem with the flags at once. */
  public PlanRequest request() {
    PdCatalog cat = catalog == null ? PdCatalog.builtin() : PdCatalog.builtin().withAdded(CatalogReader.read(catalog));
    List<String> usage = new ArrayList<>();
    ModelSpec m = cat.model(model).orElse(null);
    if (m == null) {
      usage.add("unknown --model " + model + "; known: " + String.join(", ", cat.modelIds()) + " (optionally with -FP8), or add it with --catalog");
    }
    GpuSpec g = cat.gpu(system).orElse(null);
    if (g == null) {
      usage.add("unknown --system " + system + "; known: " + String.join(", ", cat.gpuIds()));
    }
    Backend b = Backend.byId(backend).orElse(null);
    if (b == null) {
      usage.add("unknown --backend " + backend + "; use trtllm, vllm or sglang");
    }
    KvTransport kv = null;
    try {
      kv = KvTransport.valueOf(kvTransport.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      usage.add("unknown --kv-transport " + kvTransport + "; use rdma, tcp or nvlink");
    }
    List<FieldViolation> violations = new ArrayList<>();
    Traffic traffic = build(violations, "traffic", () -> Traffic.builder().inputTokens(isl).outputTokens(osl).prefixTokens(prefix).build());
    ServingSla sla = build(violations, "sla", () -> {
      ServingSla.Builder s = ServingSla.builder();
      if (ttft != null) {
        s.ttftMs(ttft);
      }
      if (tpot != null) {
        s.tpotMs(tpot);
      }
      if (requestLatency != null) {
        s.requestLatencyMs(requestLatency);
      }
      return s.build();
    });
    if (totalGpus < 1 || totalGpus > 4096) {
      violations.add(FieldViolation.invalid(FieldPath.of("totalGpus"), totalGpus, "must be between 1 and 4096"));
    }
    if (top < 1) {
      violations.add(FieldViolation.invalid(FieldPath.of("top"), top, "must be at least 1"));
    }
    if (!usage.isEmpty()) {
      violations.forEach(v -> usage.add(v.toString()));
      throw new UsageException(String.join("\n  ", usage));
    }
    if (!violations.isEmpty()) {
      throw new InvalidSpecException(violations);
    }
    return PlanRequest.builder().model(m).gpu(g).totalGpus(totalGpus).traffic(traffic).sla(sla).backend(b).kvTransport(kv).top(top).build();
  }

  private static <T> T build(List<FieldViolation> violations, String prefix, Supplier<T> builder) {
    try {
      return builder.get();
    } catch (InvalidSpecException e) {
      e.violations().forEach(v -> violations.add(v.under(FieldPath.of(prefix))));
      return null;
    }
  }
}
