package dev.aiinfra.serving.model.deploy;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.NameRules;
import dev.aiinfra.core.model.validation.Violations;
import dev.aiinfra.serving.model.pd.Backend;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An LLM serving deployment described once: the model, the engine, and either one aggregated role
 * or a prefill role feeding a decode role, repeated {@code slices} times (the xPyD replicas). The
 * serving renderers turn it into dual LeaderWorkerSets + InferencePool (llm-d), a DisaggregatedSet,
 * or llmaz objects. Building it checks the roles too and lists every violation at its full path
 * ({@code prefill.tp}, {@code decode.batch}, {@code slices}).
 */
@Value.Immutable
public abstract class ServingDeployment implements WithServingDeployment {
  /** Base name of every object: a DNS-1035 label short enough for the role suffixes. */
  public abstract String name();

  @Value.Default
  public String namespace() {
    return "default";
  }

  /** Hugging Face model id the engine loads. */
  public abstract String model();

  @Value.Default
  public Backend backend() {
    return Backend.VLLM;
  }

  /** Engine image; a default per backend when absent. */
  public abstract Optional<String> image();

  @Value.Default
  public DeploymentStyle style() {
    return DeploymentStyle.LWS;
  }

  @Value.Default
  public GpuAttachment gpuAttachment() {
    return GpuAttachment.EXTENDED_RESOURCE;
  }

  /** DeviceClass the DRA claims use. */
  @Value.Default
  public String deviceClassName() {
    return "gpu.nvidia.com";
  }

  /** GPUs per node: a worker with a larger TP spans {@code ceil(tp / gpusPerNode)} pods. */
  @Value.Default
  public int gpusPerNode() {
    return 8;
  }

  @Value.Default
  public int port() {
    return 8000;
  }

  /** Copies of the whole role set (xPyD replicas); DisaggregatedSet slices. */
  @Value.Default
  public int slices() {
    return 1;
  }

  /** The prefill role; absent for aggregated serving. */
  public abstract Optional<ServingRole> prefill();

  /** The decode role, or the aggregated role. */
  public abstract ServingRole decode();

  /** Endpoint picker Service the InferencePool points at. */
  @Value.Default
  public String endpointPicker() {
    return name() + "-epp";
  }

  /** Node label key for one LWS group per domain (e.g. {@code kubernetes.io/hostname}). */
  public abstract Optional<String> exclusiveTopology();

  public abstract List<String> extraArgs();

  public abstract Map<String, String> env();

  public abstract Map<String, String> nodeSelector();

  public abstract Map<String, String> labels();

  public static Builder builder() {
    return new Builder();
  }

  public boolean disaggregated() {
    return prefill().isPresent();
  }

  public List<ServingRole> roles() {
    return prefill().isPresent() ? List.of(prefill().get(), decode()) : List.of(decode());
  }

  /** Pods per engine instance of a role: {@code ceil(tp / gpusPerNode)}, without overflow for any int. */
  public int podsPerWorker(ServingRole role) {
    return role.tp() <= 0 ? 0 : (role.tp() - 1) / gpusPerNode() + 1;
  }

  /** GPUs per pod of a role. */
  public int gpusPerPod(ServingRole role) {
    return role.tp() / podsPerWorker(role);
  }

  /** The engine image: the one given, or the backend's public image. */
  public String engineImage() {
    return image().orElseGet(() -> {
      switch (backend()) {
        case TRTLLM:
          return "nvcr.io/nvidia/tensorrt-llm/release:1.2.0";
        case SGLANG:
          return "lmsysorg/sglang:v0.5.6";
        default:
          return "vllm/vllm-openai:v0.12.0";
      }
    });
  }

  /** The model id as a DNS-1123 label, for llmaz OpenModel names and label values. */
  public String modelName() {
    String n = model().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return n.length() > 63 ? n.substring(0, 63).replaceAll("-+$", "") : n;
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    v.checkName(FieldPath.of("name"), name(), NameRules.dns1035Label(name()));
    if (name().length() > 50) {
      v.invalid(FieldPath.of("name"), name(), "must be at most 50 characters so that role suffixes and group indexes fit a 63-character name");
    }
    v.checkName(FieldPath.of("namespace"), namespace(), NameRules.dns1123Label(namespace()));
    if (model().isBlank()) {
      v.required(FieldPath.of("model"), "the Hugging Face model id to serve");
    }
    if (gpusPerNode() < 1) {
      v.invalid(FieldPath.of("gpusPerNode"), gpusPerNode(), "must be at least 1");
    }
    if (port() < 1 || port() > 65535) {
      v.invalid(FieldPath.of("port"), port(), "must be between 1 and 65535");
    }
    if (slices() < 1) {
      v.invalid(FieldPath.of("slices"), slices(), "must be at least 1");
    } else if (slices() > 100 && style() == DeploymentStyle.DISAGGREGATED_SET) {
      v.invalid(FieldPath.of("slices"), slices(), "a DisaggregatedSet has at most 100 slices; use the lws style");
    }
    prefill().ifPresent(p -> role(v, FieldPath.of("prefill"), p));
    role(v, FieldPath.of("decode"), decode());
    if (prefill().isPresent()) {
      if (prefill().get().phase() != ServingRole.Phase.PREFILL) {
        v.invalid(FieldPath.of("prefill.phase"), prefill().get().phase(), "must be PREFILL");
      }
      if (decode().phase() != ServingRole.Phase.DECODE) {
        v.invalid(FieldPath.of("decode.phase"), decode().phase(), "must be DECODE when a prefill role is present");
      }
      if ((prefill().get().workers() == 0) != (decode().workers() == 0)) {
        v.invalid(FieldPath.of("prefill.workers"), prefill().get().workers(), "prefill and decode workers must be both zero or both non-zero");
      }
    } else if (decode().phase() != ServingRole.Phase.AGGREGATED) {
      v.invalid(FieldPath.of("decode.phase"), decode().phase(), "must be AGGREGATED without a prefill role");
    }
    if (style() == DeploymentStyle.LLMAZ && gpuAttachment() == GpuAttachment.DRA) {
      v.invalid(FieldPath.of("gpuAttachment"), "DRA", "llmaz requests accelerators through OpenModel flavor limits; use EXTENDED_RESOURCE or another style");
    }
    exclusiveTopology().ifPresent(t -> v.checkName(FieldPath.of("exclusiveTopology"), t, NameRules.qualifiedName(t)));
    v.throwIfAny();
  }

  /** A role's own rules and the rules it meets only inside this deployment, at the role's path. */
  private void role(Violations v, FieldPath at, ServingRole r) {
    v.nested(at, r);
    if (gpusPerNode() >= 1 && r.tp() > gpusPerNode() && r.tp() % gpusPerNode() != 0) {
      v.invalid(at.child("tp"), r.tp(), "a worker wider than a node must use whole nodes (a multiple of " + gpusPerNode() + ")");
    }
  }

  /** Builder for {@link ServingDeployment}. */
  public static final class Builder extends ImmutableServingDeployment.Builder {}
}
