package dev.aiinfra.serving.render.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.json.Json;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.workload.ContainerSpec;
import dev.aiinfra.core.model.workload.PodTemplate;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.dra.model.DeviceClaim;
import dev.aiinfra.dra.model.DeviceRequest;
import dev.aiinfra.dra.model.DeviceSelection;
import dev.aiinfra.dra.model.ResourceClaimSpec;
import dev.aiinfra.dra.render.ClaimWiring;
import dev.aiinfra.dra.render.DraManifests;
import dev.aiinfra.serving.model.ServingCode;
import dev.aiinfra.serving.model.deploy.DeploymentStyle;
import dev.aiinfra.serving.model.deploy.GpuAttachment;
import dev.aiinfra.serving.model.deploy.ServingDeployment;
import dev.aiinfra.serving.model.deploy.ServingRole;
import dev.aiinfra.serving.model.lws.LeaderWorkerSetSpec;
import dev.aiinfra.serving.render.lws.LeaderWorkerSetRenderer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a {@link ServingDeployment} in the chosen style:
 *
 * <ul>
 *   <li>{@code lws}: one LeaderWorkerSet per role ({@code <name>-prefill}, {@code <name>-decode}, or
 *       {@code <name>} when aggregated), pods labelled {@code llm-d.ai/role}, and an
 *       {@code inference.networking.k8s.io/v1} InferencePool over all of them pointing at the
 *       endpoint picker, as llm-d deploys prefill/decode disaggregation;
 *   <li>{@code disaggregatedset}: one {@code disaggregatedset.x-k8s.io/v1} DisaggregatedSet with a
 *       role per phase and {@code slices} copies, plus the InferencePool;
 *   <li>{@code llmaz}: an OpenModel with one inference flavor per role and a Playground per role.
 * </ul>
 *
 * GPUs are {@code nvidia.com/gpu} requests, or with DRA one ResourceClaimTemplate per role asking for
 * exactly the pod's GPUs of the deployment's DeviceClass.
 */
public final class ServingRenderer {
  public static final String LABEL_INFERENCE_SERVING = "llm-d.ai/inferenceServing";
  public static final String LABEL_MODEL = "llm-d.ai/model";
  public static final String LABEL_ROLE = "llm-d.ai/role";
  public static final int ENDPOINT_PICKER_PORT = 9002;
  private static final ObjectMapper JSON = Json.mapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ServingRenderer() {}

  public static ServingBundle render(ServingDeployment d) {
    List<HasMetadata> objects = new ArrayList<>();
    List<Diagnostic> notes = new ArrayList<>();
    Map<ServingRole, PodTemplate> pods = new LinkedHashMap<>();
    for (ServingRole role : d.roles()) {
      PodTemplate pod = pod(d, role);
      if (d.gpuAttachment() == GpuAttachment.DRA) {
        ResourceClaimSpec claim = gpuClaim(d, role);
        objects.add(DraManifests.resourceClaimTemplate(claim));
        pod = ClaimWiring.attach(pod, "gpus", claim);
      }
      pods.put(role, pod);
    }
    for (ServingRole role : d.roles()) {
      if (d.podsPerWorker(role) > 1) {
        notes.add(Diagnostic.builder().code(ServingCode.SERVE_MULTI_NODE_WORKER).severity(dev.aiinfra.core.model.Severity.INFO)
            .message(role.phase().id() + " workers of TP" + role.tp() + " span " + d.podsPerWorker(role) + " pods (one LWS group each); the engine's multi-node launcher must join them")
            .hint("start the engine's distributed runtime (Ray for vLLM, MPI for TensorRT-LLM, --dist-init-addr for SGLang) at $(LWS_LEADER_ADDRESS), with $(LWS_GROUP_SIZE) nodes and rank $(LWS_WORKER_INDEX)")
            .build());
      }
    }
    DeploymentStyle style = d.style();
    if (style == DeploymentStyle.DISAGGREGATED_SET && !d.disaggregated()) {
      notes.add(Diagnostic.info(ServingCode.SERVE_AGGREGATED_AS_LWS,
          "the deployment is aggregated and a DisaggregatedSet needs at least two roles, so it is rendered as one LeaderWorkerSet"));
      style = DeploymentStyle.LWS;
    }
    switch (style) {
      case DISAGGREGATED_SET:
        objects.add(disaggregatedSet(d, pods));
        objects.add(inferencePool(d));
        notes.add(endpointPickerNote(d));
        break;
      case LLMAZ:
        objects.add(openModel(d));
        d.roles().forEach(r -> objects.add(playground(d, r)));
        if (d.disaggregated()) {
          notes.add(Diagnostic.warning(ServingCode.SERVE_LLMAZ_NO_PD_ROUTING,
              "llmaz runs each role as its own Playground and does not route requests from prefill to decode; put an llm-d endpoint picker with a prefill/decode profile in front of them"));
        }
        break;
      default:
        pods.forEach((role, pod) -> objects.add(LeaderWorkerSetRenderer.render(lws(d, role, pod, d.slices() * role.workers()))));
        objects.add(inferencePool(d));
        notes.add(endpointPickerNote(d));
        break;
    }
    return new ServingBundle(ManifestBundle.of(objects), notes);
  }

  /** Name of a role's objects: {@code <name>} when aggregated, {@code <name>-<phase>} otherwise. */
  public static String roleName(ServingDeployment d, ServingRole role) {
    return role.phase() == ServingRole.Phase.AGGREGATED ? d.name() : d.name() + "-" + role.phase().id();
  }

  private static Map<String, String> podLabels(ServingDeployment d, ServingRole role) {
    Map<String, String> labels = new TreeMap<>(d.labels());
    labels.put("app.kubernetes.io/name", d.name());
    labels.put("app.kubernetes.io/component", role.phase().id());
    labels.put(LABEL_INFERENCE_SERVING, "true");
    labels.put(LABEL_MODEL, d.name());
    labels.put(LABEL_ROLE, role.phase() == ServingRole.Phase.AGGREGATED ? "both" : role.phase().id());
    return labels;
  }

  private static PodTemplate pod(ServingDeployment d, ServingRole role) {
    int gpus = d.gpusPerPod(role);
    ContainerSpec.Builder engine = ContainerSpec.builder()
        .name("engine")
        .image(d.engineImage())
        .command(EngineCommand.command(d))
        .args(EngineCommand.args(d, role))
        .env(d.env());
    if (d.gpuAttachment() == GpuAttachment.EXTENDED_RESOURCE) {
      ResourceList r = ResourceList.of(ResourceList.NVIDIA_GPU, String.valueOf(gpus));
      engine.requests(r).limits(r);
    } else {
      engine.requests(ResourceList.empty());
    }
    Map<String, Object> ports = new LinkedHashMap<>();
    ports.put("ports", List.of(Map.of("name", "http", "containerPort", d.port(), "protocol", "TCP")));
    ports.put("readinessProbe", Map.of("httpGet", Map.of("path", "/health", "port", d.port()), "periodSeconds", 10));
    engine.extraFields(ports);
    return PodTemplate.builder()
        .labels(podLabels(d, role))
        .addContainers(engine.build())
        .nodeSelector(d.nodeSelector())
        .build();
  }

  private static ResourceClaimSpec gpuClaim(ServingDeployment d, ServingRole role) {
    return ResourceClaimSpec.builder()
        .name(roleName(d, role) + "-gpus")
        .namespace(d.namespace())
        .template(true)
        .devices(DeviceClaim.builder().addRequests(DeviceRequest.exactly("gpus", DeviceSelection.of(d.deviceClassName(), d.gpusPerPod(role)))).build())
        .build();
  }

  private static LeaderWorkerSetSpec lws(ServingDeployment d, ServingRole role, PodTemplate pod, int replicas) {
    LeaderWorkerSetSpec.Builder b = LeaderWorkerSetSpec.builder()
        .name(roleName(d, role))
        .namespace(d.namespace())
        .labels(podLabels(d, role))
        .replicas(replicas)
        .size(d.podsPerWorker(role))
        .workerTemplate(pod);
    d.exclusiveTopology().ifPresent(b::exclusiveTopology);
    return b.build();
  }

  private static GenericKubernetesResource disaggregatedSet(ServingDeployment d, Map<ServingRole, PodTemplate> pods) {
    ObjectNode spec = F.objectNode();
    spec.put("slices", d.slices());
    ArrayNode roles = spec.putArray("roles");
    pods.forEach((role, pod) -> {
      ObjectNode r = roles.addObject().put("name", role.phase().id());
      ObjectNode meta = r.putObject("metadata");
      meta.set("labels", JSON.valueToTree(podLabels(d, role)));
      LeaderWorkerSetSpec lws = lws(d, role, pod, role.workers());
      lws.exclusiveTopology().ifPresent(t -> meta.putObject("annotations").put(dev.aiinfra.core.model.index.PodIndexKeys.LWS_EXCLUSIVE_TOPOLOGY, t));
      r.set("spec", LeaderWorkerSetRenderer.spec(lws));
    });
    return resource("disaggregatedset.x-k8s.io/v1", "DisaggregatedSet", d.name(), d.namespace(), labels(d), spec);
  }

  private static GenericKubernetesResource inferencePool(ServingDeployment d) {
    ObjectNode spec = F.objectNode();
    spec.putObject("selector").putObject("matchLabels").put(LABEL_INFERENCE_SERVING, "true").put(LABEL_MODEL, d.name());
    spec.putArray("targetPorts").addObject().put("number", d.port());
    spec.putObject("endpointPickerRef").put("name", d.endpointPicker()).putObject("port").put("number", ENDPOINT_PICKER_PORT);
    return resource("inference.networking.k8s.io/v1", "InferencePool", d.name(), d.namespace(), labels(d), spec);
  }

  private static Diagnostic endpointPickerNote(ServingDeployment d) {
    return Diagnostic.builder().code(ServingCode.SERVE_ENDPOINT_PICKER).severity(dev.aiinfra.core.model.Severity.INFO)
        .message("the InferencePool routes through the endpoint picker Service " + d.endpointPicker() + ":" + ENDPOINT_PICKER_PORT
            + (d.disaggregated() ? ", which must run a prefill/decode scheduling profile (llm-d's pd-profile-handler)" : ""))
        .hint("deploy the endpoint picker (llm-d inference scheduler) and a Gateway whose HTTPRoute targets the InferencePool")
        .build();
  }

  private static String flavorName(ServingRole role) {
    return role.phase().id() + "-tp" + role.tp();
  }

  private static GenericKubernetesResource openModel(ServingDeployment d) {
    ObjectNode spec = F.objectNode();
    String family = d.model().contains("/") ? d.model().substring(d.model().lastIndexOf('/') + 1) : d.model();
    spec.put("familyName", family.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", ""));
    spec.putObject("source").putObject("modelHub").put("name", "Huggingface").put("modelID", d.model());
    ArrayNode flavors = spec.putObject("inferenceConfig").putArray("flavors");
    for (ServingRole role : d.roles()) {
      ObjectNode f = flavors.addObject().put("name", flavorName(role));
      f.putObject("limits").put(ResourceList.NVIDIA_GPU, String.valueOf(role.tp()));
      if (!d.nodeSelector().isEmpty()) {
        f.set("nodeSelector", JSON.valueToTree(new TreeMap<>(d.nodeSelector())));
      }
      f.putObject("params").put("TP", String.valueOf(role.tp()));
    }
    GenericKubernetesResource r = resource("llmaz.io/v1alpha1", "OpenModel", d.modelName(), null, labels(d), spec);
    return r;
  }

  private static GenericKubernetesResource playground(ServingDeployment d, ServingRole role) {
    ObjectNode spec = F.objectNode();
    spec.put("replicas", d.slices() * role.workers());
    ObjectNode claim = spec.putObject("modelClaim").put("modelName", d.modelName());
    claim.putArray("inferenceFlavors").add(flavorName(role));
    ObjectNode runtime = spec.putObject("backendRuntimeConfig").put("backendName", d.backend() == dev.aiinfra.serving.model.pd.Backend.VLLM ? "vllm"
        : d.backend() == dev.aiinfra.serving.model.pd.Backend.SGLANG ? "sglang" : "tensorrt-llm");
    ArrayNode args = runtime.putArray("args");
    // llmaz's BackendRuntime already sets the model path, host and port; only the tuning flags go on top.
    List<String> engineArgs = EngineCommand.args(d, role);
    for (int i = 0; i < engineArgs.size(); i++) {
      String a = engineArgs.get(i);
      if (a.equals("--port") || a.equals("--host") || a.equals("--model-path")) {
        i++;
      } else {
        args.add(a);
      }
    }
    if (!d.env().isEmpty()) {
      ArrayNode envs = runtime.putArray("envs");
      new TreeMap<>(d.env()).forEach((k, v) -> envs.addObject().put("name", k).put("value", v));
    }
    Map<String, String> labels = new TreeMap<>(labels(d));
    labels.put("llmaz.io/model-name", d.modelName());
    labels.put(LABEL_ROLE, role.phase() == ServingRole.Phase.AGGREGATED ? "both" : role.phase().id());
    return resource("inference.llmaz.io/v1alpha1", "Playground", roleName(d, role), d.namespace(), labels, spec);
  }

  private static Map<String, String> labels(ServingDeployment d) {
    Map<String, String> labels = new TreeMap<>(d.labels());
    labels.put("app.kubernetes.io/name", d.name());
    return labels;
  }

  private static GenericKubernetesResource resource(String apiVersion, String kind, String name, String namespace, Map<String, String> labels, ObjectNode spec) {
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion(apiVersion);
    r.setKind(kind);
    ObjectMetaBuilder meta = new ObjectMetaBuilder().withName(name);
    if (namespace != null) {
      meta.withNamespace(namespace);
    }
    if (!labels.isEmpty()) {
      meta.withLabels(labels);
    }
    r.setMetadata(meta.build());
    r.setAdditionalProperty("spec", JSON.convertValue(spec, Map.class));
    return r;
  }
}
