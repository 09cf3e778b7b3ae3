package dev.aiinfra.sandbox.render.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.json.Json;
import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.workload.ContainerSpec;
import dev.aiinfra.core.model.workload.PodTemplate;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.core.render.workload.PodTemplateRenderer;
import dev.aiinfra.sandbox.model.agent.AgentSandboxApi;
import dev.aiinfra.sandbox.model.agent.ClaimEnv;
import dev.aiinfra.sandbox.model.agent.SandboxBlueprint;
import dev.aiinfra.sandbox.model.agent.SandboxClaimSpec;
import dev.aiinfra.sandbox.model.agent.SandboxSpec;
import dev.aiinfra.sandbox.model.agent.SandboxTemplateSpec;
import dev.aiinfra.sandbox.model.agent.SandboxVolumeClaim;
import dev.aiinfra.sandbox.model.agent.SandboxWarmPoolSpec;
import dev.aiinfra.sandbox.policy.hardening.HardenedPod;
import dev.aiinfra.sandbox.policy.hardening.PodHardening;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Renders the Agent Sandbox kinds at the spec's API version. Pod templates are hardened first
 * ({@link PodHardening}) so every preset setting appears in the YAML; the field differences between
 * {@code v1beta1} and {@code v1alpha1} (operatingMode vs replicas, warmPoolRef vs
 * sandboxTemplateRef/warmpool) are handled here.
 */
public final class AgentSandboxRenderer {
  private static final ObjectMapper JSON = Json.mapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private AgentSandboxRenderer() {}

  /** A Sandbox, plus its egress NetworkPolicy (selecting the controller's name-hash label) when one is set. */
  public static RenderedSandbox sandbox(SandboxSpec s, ClusterProfile profile) {
    ObjectNode spec = F.objectNode();
    if (s.api() == AgentSandboxApi.V1BETA1) {
      spec.put("operatingMode", s.operatingMode().name());
    } else if (s.operatingMode() == SandboxSpec.OperatingMode.Suspended) {
      spec.put("replicas", 0);
    }
    HardenedPod pod = blueprint(spec, s, profile);
    s.shutdownTime().ifPresent(t -> spec.put("shutdownTime", rfc3339(t)));
    s.shutdownPolicy().ifPresent(p -> spec.put("shutdownPolicy", p.name()));
    List<HasMetadata> objects = new ArrayList<>();
    objects.add(resource(s.api().coreApiVersion(), "Sandbox", s.name(), s.namespace(), s.labels(), s.annotations(), spec));
    s.egress().ifPresent(e -> objects.add(EgressPolicyRenderer.render(s.name() + "-egress", s.namespace(),
        Map.of(SandboxNames.NAME_HASH_LABEL, SandboxNames.nameHash(s.name())), e)));
    return new RenderedSandbox(ManifestBundle.of(objects), pod.diagnostics());
  }

  /**
   * A SandboxTemplate. A Managed template carries the egress allow-list in
   * {@code spec.networkPolicy.egress}; an Unmanaged one gets a separate NetworkPolicy.
   */
  public static RenderedSandbox template(SandboxTemplateSpec t, ClusterProfile profile) {
    ObjectNode spec = F.objectNode();
    HardenedPod pod = blueprint(spec, t, profile);
    t.networkPolicyManagement().ifPresent(m -> spec.put("networkPolicyManagement", m.name()));
    if (t.egress().isPresent() && t.managedNetworkPolicy()) {
      ObjectNode np = spec.putObject("networkPolicy");
      np.set("egress", EgressPolicyRenderer.rules(t.egress().get()));
      if (t.routerIngress()) {
        np.putArray("ingress").addObject().putArray("from").addObject().putObject("podSelector").putObject("matchLabels")
            .put(SandboxNames.ROUTER_LABEL_KEY, SandboxNames.ROUTER_LABEL_VALUE);
      }
    }
    t.envVarsInjectionPolicy().ifPresent(p -> spec.put("envVarsInjectionPolicy", p.name()));
    t.volumeClaimTemplatesPolicy().ifPresent(p -> spec.put("volumeClaimTemplatesPolicy", p.name()));
    List<HasMetadata> objects = new ArrayList<>();
    objects.add(resource(t.api().extensionsApiVersion(), "SandboxTemplate", t.name(), t.namespace(), t.labels(), t.annotations(), spec));
    if (t.egress().isPresent() && !t.managedNetworkPolicy()) {
      objects.add(EgressPolicyRenderer.render(t.name() + "-egress", t.namespace(), t.pod().labels(), t.egress().get()));
    }
    return new RenderedSandbox(ManifestBundle.of(objects), pod.diagnostics());
  }

  public static GenericKubernetesResource warmPool(SandboxWarmPoolSpec w) {
    ObjectNode spec = F.objectNode();
    spec.put("replicas", w.replicas());
    spec.putObject("sandboxTemplateRef").put("name", w.templateName());
    w.updateStrategy().ifPresent(u -> spec.putObject("updateStrategy").put("type", u.name()));
    return resource(w.api().extensionsApiVersion(), "SandboxWarmPool", w.name(), w.namespace(), Map.of(), Map.of(), spec);
  }

  public static GenericKubernetesResource claim(SandboxClaimSpec c) {
    ObjectNode spec = F.objectNode();
    if (c.api() == AgentSandboxApi.V1BETA1) {
      spec.putObject("warmPoolRef").put("name", c.warmPoolName().orElseThrow());
    } else {
      spec.putObject("sandboxTemplateRef").put("name", c.templateName().orElseThrow());
      c.warmpool().ifPresent(w -> spec.put("warmpool", w));
    }
    if (c.shutdownTime().isPresent() || c.ttlSecondsAfterFinished().isPresent() || c.shutdownPolicy().isPresent()) {
      ObjectNode lifecycle = spec.putObject("lifecycle");
      c.shutdownTime().ifPresent(t -> lifecycle.put("shutdownTime", rfc3339(t)));
      c.ttlSecondsAfterFinished().ifPresent(t -> lifecycle.put("ttlSecondsAfterFinished", t));
      c.shutdownPolicy().ifPresent(p -> lifecycle.put("shutdownPolicy", p.name()));
    }
    if (!c.podLabels().isEmpty() || !c.podAnnotations().isEmpty()) {
      ObjectNode meta = spec.putObject("additionalPodMetadata");
      if (!c.podLabels().isEmpty()) {
        meta.set("labels", JSON.valueToTree(new TreeMap<>(c.podLabels())));
      }
      if (!c.podAnnotations().isEmpty()) {
        meta.set("annotations", JSON.valueToTree(new TreeMap<>(c.podAnnotations())));
      }
    }
    if (!c.env().isEmpty()) {
      var env = spec.putArray("env");
      for (ClaimEnv e : c.env()) {
        ObjectNode n = env.addObject().put("name", e.name()).put("value", e.value());
        e.containerName().ifPresent(cn -> n.put("containerName", cn));
      }
    }
    return resource(c.api().extensionsApiVersion(), "SandboxClaim", c.name(), c.namespace(), Map.of(), Map.of(), spec);
  }

  /** Writes the shared blueprint fields (hardened pod template, claims, service) into {@code spec}. */
  private static HardenedPod blueprint(ObjectNode spec, SandboxBlueprint b, ClusterProfile profile) {
    HardenedPod pod = PodHardening.harden(mounted(b.pod(), b.volumeClaims()), b.hardening(), profile, b.runtimeClassName());
    spec.set("podTemplate", podTemplate(pod.template(), b.runtimeClassName()));
    volumeClaimTemplates(spec, b.volumeClaims());
    b.service().ifPresent(x -> spec.put("service", x));
    return pod;
  }

  /** The pod template with the preset already applied, its runtime class set unless the template sets one. */
  private static ObjectNode podTemplate(PodTemplate hardened, Optional<String> runtimeClassName) {
    ObjectNode tree = PodTemplateRenderer.render(hardened);
    ObjectNode spec = (ObjectNode) tree.get("spec");
    if (runtimeClassName.isPresent() && !spec.has("runtimeClassName")) {
      spec.put("runtimeClassName", runtimeClassName.get());
    }
    return tree;
  }

  /** Adds a {@code volumeMount} for every claim with a mount path to each container that has none there. */
  private static PodTemplate mounted(PodTemplate pod, List<SandboxVolumeClaim> claims) {
    if (claims.stream().noneMatch(c -> c.mountPath().isPresent())) {
      return pod;
    }
    List<ContainerSpec> containers = new ArrayList<>();
    for (ContainerSpec c : pod.containers()) {
      Map<String, Object> extra = new LinkedHashMap<>(c.extraFields());
      List<Object> mounts = new ArrayList<>(extra.get("volumeMounts") instanceof List<?> l ? l : List.of());
      for (SandboxVolumeClaim claim : claims) {
        String path = claim.mountPath().orElse(null);
        boolean present = mounts.stream().anyMatch(m -> m instanceof Map<?, ?> mm && (claim.name().equals(mm.get("name")) || java.util.Objects.equals(mm.get("mountPath"), path)));
        if (path != null && !present) {
          Map<String, Object> mount = new LinkedHashMap<>();
          mount.put("name", claim.name());
          mount.put("mountPath", path);
          mounts.add(mount);
        }
      }
      extra.put("volumeMounts", mounts);
      containers.add(ContainerSpec.builder().from(c).extraFields(extra).build());
    }
    return pod.withContainers(containers);
  }

  private static void volumeClaimTemplates(ObjectNode spec, List<SandboxVolumeClaim> claims) {
    if (claims.isEmpty()) {
      return;
    }
    var list = spec.putArray("volumeClaimTemplates");
    for (SandboxVolumeClaim c : claims) {
      ObjectNode n = list.addObject();
      n.putObject("metadata").put("name", c.name());
      ObjectNode pvc = n.putObject("spec");
      pvc.set("accessModes", JSON.valueToTree(c.accessModes()));
      pvc.putObject("resources").putObject("requests").put("storage", c.storage());
      c.storageClassName().ifPresent(sc -> pvc.put("storageClassName", sc));
    }
  }

  private static String rfc3339(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t);
  }

  private static GenericKubernetesResource resource(String apiVersion, String kind, String name, String namespace,
      Map<String, String> labels, Map<String, String> annotations, ObjectNode spec) {
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion(apiVersion);
    r.setKind(kind);
    ObjectMetaBuilder meta = new ObjectMetaBuilder().withName(name).withNamespace(namespace);
    if (!labels.isEmpty()) {
      meta.withLabels(new TreeMap<>(labels));
    }
    if (!annotations.isEmpty()) {
      meta.withAnnotations(new TreeMap<>(annotations));
    }
    r.setMetadata(meta.build());
    r.setAdditionalProperty("spec", JSON.convertValue(spec, Map.class));
    return r;
  }
}
