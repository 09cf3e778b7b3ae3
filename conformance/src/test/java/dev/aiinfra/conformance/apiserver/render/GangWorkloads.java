package dev.aiinfra.conformance.apiserver.render;

import dev.aiinfra.core.json.Json;
import dev.aiinfra.scheduling.model.GangSpec;
import dev.aiinfra.scheduling.model.PodGroupSpec;
import dev.aiinfra.serving.model.deploy.DeploymentStyle;
import dev.aiinfra.serving.model.deploy.ServingDeployment;
import dev.aiinfra.serving.model.deploy.ServingRole;
import dev.aiinfra.serving.render.deploy.ServingRenderer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.List;
import java.util.Map;

/**
 * The other workload kinds a gang attaches to ({@code GangAttachment}: Job, StatefulSet,
 * LeaderWorkerSet; the JobSet comes from the gang example), each with the gang whose one pod group
 * matches the pods it runs. The LeaderWorkerSet is the one {@code serve render} produces.
 */
final class GangWorkloads {
  private GangWorkloads() {}

  /** A workload and its gang. */
  record Workload(HasMetadata object, GangSpec gang) {}

  static List<Workload> all() {
    return List.of(
        new Workload(indexedJob(), gang("trainer", 8)),
        new Workload(statefulSet(), gang("shards", 4)),
        leaderWorkerSet());
  }

  private static GangSpec gang(String name, int minCount) {
    return GangSpec.builder().name(name).namespace("ml").queueName("gpu").volcanoQueue("training")
        .addPodGroups(PodGroupSpec.builder().name("workers").minCount(minCount).build())
        .build();
  }

  private static PodTemplateSpec pod(Map<String, String> labels, String restartPolicy) {
    return new PodTemplateSpecBuilder().withNewMetadata().withLabels(labels).endMetadata()
        .withNewSpec().withRestartPolicy(restartPolicy)
        .addNewContainer().withName("worker").withImage("ghcr.io/example/trainer:2.1")
        .withNewResources()
        .addToRequests("cpu", new Quantity("8")).addToRequests("nvidia.com/gpu", new Quantity("1"))
        .addToLimits("nvidia.com/gpu", new Quantity("1"))
        .endResources().endContainer().endSpec().build();
  }

  private static HasMetadata indexedJob() {
    return new JobBuilder().withNewMetadata().withName("trainer").withNamespace("ml").endMetadata()
        .withNewSpec().withCompletionMode("Indexed").withCompletions(8).withParallelism(8).withBackoffLimit(0)
        .withTemplate(pod(Map.of("app", "trainer"), "Never")).endSpec().build();
  }

  private static HasMetadata statefulSet() {
    return new StatefulSetBuilder().withNewMetadata().withName("shards").withNamespace("ml").endMetadata()
        .withNewSpec().withReplicas(4).withServiceName("shards").withPodManagementPolicy("Parallel")
        .withNewSelector().addToMatchLabels("app", "shards").endSelector()
        .withTemplate(pod(Map.of("app", "shards"), "Always")).endSpec().build();
  }

  private static Workload leaderWorkerSet() {
    ServingDeployment d = ServingDeployment.builder().name("qwen3").namespace("ml").model("Qwen/Qwen3-32B")
        .style(DeploymentStyle.LWS).decode(ServingRole.of(ServingRole.Phase.AGGREGATED, 2, 16, 32)).build();
    HasMetadata lws = ServingRenderer.render(d).manifests().objects().stream()
        .filter(o -> o.getKind().equals("LeaderWorkerSet")).findFirst()
        .orElseThrow(() -> new IllegalStateException("serve render gave no LeaderWorkerSet"));
    int size = Json.mapper().valueToTree(lws).path("spec").path("leaderWorkerTemplate").path("size").asInt(1);
    return new Workload(lws, gang(lws.getMetadata().getName(), size));
  }
}
