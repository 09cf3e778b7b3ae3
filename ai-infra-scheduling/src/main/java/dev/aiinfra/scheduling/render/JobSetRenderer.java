package dev.aiinfra.scheduling.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.json.Json;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.Severity;
import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.policy.workload.PodLevelResourcesCheck;
import dev.aiinfra.core.policy.workload.RestartRuleCheck;
import dev.aiinfra.core.render.RawFields;
import dev.aiinfra.core.render.workload.PodTemplateRenderer;
import dev.aiinfra.core.model.index.PodIndexKeys;
import dev.aiinfra.scheduling.model.JobSetFailureAction;
import dev.aiinfra.scheduling.model.JobSetFailureRule;
import dev.aiinfra.scheduling.model.JobSetRestartStrategy;
import dev.aiinfra.scheduling.model.JobSetSpec;
import dev.aiinfra.scheduling.model.ReplicatedJob;
import dev.aiinfra.scheduling.model.SchedulingCode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link JobSetSpec} as a {@code jobset.x-k8s.io/v1alpha2} JobSet: Indexed Jobs, the
 * failure and success policies, {@code dependsOn}, and the exclusive-topology annotation. Notes for
 * the target cluster come as diagnostics: in-place restart settings the Kubernetes version does not
 * accept, and JobSet controller gates (InPlaceRestart, RestartJob) that must be on.
 */
public final class JobSetRenderer {
  private static final ObjectMapper JSON = Json.mapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private JobSetRenderer() {}

  public static RenderedObject render(JobSetSpec js, ClusterProfile profile) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    ObjectNode spec = F.objectNode();
    ArrayNode rjobs = spec.putArray("replicatedJobs");
    for (int i = 0; i < js.replicatedJobs().size(); i++) {
      ReplicatedJob rj = js.replicatedJobs().get(i);
      ObjectNode n = rjobs.addObject().put("name", rj.name());
      rj.groupName().ifPresent(g -> n.put("groupName", g));
      n.put("replicas", rj.replicas());
      if (!rj.dependsOn().isEmpty()) {
        ArrayNode deps = n.putArray("dependsOn");
        rj.dependsOn().forEach((name, status) -> deps.addObject().put("name", name).put("status", status.name()));
      }
      ObjectNode jobSpec = n.putObject("template").putObject("spec");
      jobSpec.put("parallelism", rj.parallelism()).put("completions", rj.completions()).put("completionMode", "Indexed");
      rj.backoffLimit().ifPresent(b -> jobSpec.put("backoffLimit", b));
      rj.podReplacementPolicy().ifPresent(p -> jobSpec.put("podReplacementPolicy", p));
      jobSpec.set("template", PodTemplateRenderer.render(rj.podTemplate()));
      diagnostics.addAll(RestartRuleCheck.check(rj.podTemplate(), profile, "spec.replicatedJobs[" + i + "].template.spec.template"));
      diagnostics.addAll(PodLevelResourcesCheck.check(rj.podTemplate(), profile, "spec.replicatedJobs[" + i + "].template.spec.template"));
    }
    boolean failurePolicy = js.maxRestarts().isPresent() || js.restartStrategy().isPresent() || !js.failureRules().isEmpty();
    if (failurePolicy) {
      ObjectNode fp = spec.putObject("failurePolicy");
      js.maxRestarts().ifPresent(m -> fp.put("maxRestarts", m));
      js.restartStrategy().ifPresent(s -> fp.put("restartStrategy", s.name()));
      if (!js.failureRules().isEmpty()) {
        ArrayNode rules = fp.putArray("rules");
        for (JobSetFailureRule r : js.failureRules()) {
          ObjectNode rn = rules.addObject().put("name", r.name()).put("action", r.action().name());
          if (!r.onJobFailureReasons().isEmpty()) {
            rn.set("onJobFailureReasons", JSON.valueToTree(r.onJobFailureReasons()));
          }
          if (!r.onJobFailureMessagePatterns().isEmpty()) {
            rn.set("onJobFailureMessagePatterns", JSON.valueToTree(r.onJobFailureMessagePatterns()));
          }
          if (!r.targetReplicatedJobs().isEmpty()) {
            rn.set("targetReplicatedJobs", JSON.valueToTree(r.targetReplicatedJobs()));
          }
          if (r.action() == JobSetFailureAction.RestartJob || r.action() == JobSetFailureAction.RestartJobAndIgnoreMaxRestarts) {
            diagnostics.add(Diagnostic.builder().code(SchedulingCode.JOBSET_GATE).severity(Severity.WARNING)
                .message("failure rule " + r.name() + ": action " + r.action() + " needs the JobSet controller's RestartJob feature gate (alpha, off by default)")
                .hint("start the JobSet controller with --feature-gates=RestartJob=true").build());
          }
        }
      }
    }
    if (js.restartStrategy().orElse(JobSetRestartStrategy.Recreate) == JobSetRestartStrategy.InPlaceRestart) {
      diagnostics.add(Diagnostic.builder().code(SchedulingCode.JOBSET_GATE).severity(Severity.WARNING)
          .message("restartStrategy InPlaceRestart needs the JobSet controller's InPlaceRestart feature gate (alpha, off by default); the webhook rejects it otherwise")
          .hint("start the JobSet controller with --feature-gates=InPlaceRestart=true and run the in-place restart agent as a sidecar").build());
    }
    if (js.successOperator().isPresent() || !js.successTargetReplicatedJobs().isEmpty()) {
      ObjectNode sp = spec.putObject("successPolicy").put("operator", js.successOperator().orElse(JobSetSpec.SuccessOperator.All).name());
      if (!js.successTargetReplicatedJobs().isEmpty()) {
        sp.set("targetReplicatedJobs", JSON.valueToTree(js.successTargetReplicatedJobs()));
      }
    }
    js.ttlSecondsAfterFinished().ifPresent(t -> spec.put("ttlSecondsAfterFinished", t));
    if (js.suspend()) {
      spec.put("suspend", true);
    }
    ObjectMetaBuilder meta = new ObjectMetaBuilder().withName(js.name()).withNamespace(js.namespace());
    if (!js.labels().isEmpty()) {
      meta.withLabels(js.labels());
    }
    Map<String, String> annotations = new java.util.TreeMap<>(js.annotations());
    js.exclusiveTopology().ifPresent(t -> annotations.put(PodIndexKeys.JOBSET_EXCLUSIVE_TOPOLOGY, t));
    if (!annotations.isEmpty()) {
      meta.withAnnotations(annotations);
    }
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion("jobset.x-k8s.io/v1alpha2");
    r.setKind("JobSet");
    r.setMetadata(meta.build());
    r.setAdditionalProperty("spec", JSON.convertValue(spec, Map.class));
    return new RenderedObject(RawFields.merge(r, js.extraFields()), diagnostics);
  }
}
