package dev.aiinfra.serving.render.deploy;

import dev.aiinfra.serving.model.deploy.ServingDeployment;
import dev.aiinfra.serving.model.deploy.ServingRole;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's command line for a role: tensor parallelism, port, batch limit, and for
 * disaggregated roles the engine's KV-transfer setting (vLLM's NIXL connector, SGLang's
 * disaggregation mode, TensorRT-LLM's server role).
 */
final class EngineCommand {
  private EngineCommand() {}

  static List<String> command(ServingDeployment d) {
    switch (d.backend()) {
      case TRTLLM:
        return List.of("trtllm-serve", d.model());
      case SGLANG:
        return List.of("python3", "-m", "sglang.launch_server");
      default:
        return List.of("vllm", "serve", d.model());
    }
  }

  static List<String> args(ServingDeployment d, ServingRole role) {
    List<String> a = new ArrayList<>();
    switch (d.backend()) {
      case TRTLLM:
        a.addAll(List.of("--tp_size", String.valueOf(role.tp()), "--host", "0.0.0.0", "--port", String.valueOf(d.port())));
        batchLimit(a, role, "--max_batch_size");
        if (role.phase() == ServingRole.Phase.PREFILL) {
          a.addAll(List.of("--server_role", "CONTEXT"));
        } else if (role.phase() == ServingRole.Phase.DECODE) {
          a.addAll(List.of("--server_role", "GENERATION"));
        }
        break;
      case SGLANG:
        a.addAll(List.of("--model-path", d.model(), "--tp", String.valueOf(role.tp()), "--host", "0.0.0.0", "--port", String.valueOf(d.port())));
        batchLimit(a, role, "--max-running-requests");
        if (role.phase() != ServingRole.Phase.AGGREGATED) {
          a.addAll(List.of("--disaggregation-mode", role.phase().id(), "--disaggregation-transfer-backend", "nixl"));
        }
        break;
      default:
        a.addAll(List.of("--tensor-parallel-size", String.valueOf(role.tp()), "--port", String.valueOf(d.port())));
        batchLimit(a, role, "--max-num-seqs");
        if (role.phase() != ServingRole.Phase.AGGREGATED) {
          a.addAll(List.of("--kv-transfer-config", "{\"kv_connector\":\"NixlConnector\",\"kv_role\":\"kv_both\"}"));
        }
        break;
    }
    a.addAll(d.extraArgs());
    return a;
  }

  /** The planned batch caps decode and aggregated engines; prefill engines keep their own scheduler's limit. */
  private static void batchLimit(List<String> args, ServingRole role, String flag) {
    if (role.phase() != ServingRole.Phase.PREFILL) {
      args.addAll(List.of(flag, String.valueOf(role.batch())));
    }
  }
}
