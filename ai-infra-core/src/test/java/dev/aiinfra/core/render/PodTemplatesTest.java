package dev.aiinfra.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.read.ManifestReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodTemplatesTest {
  private static ObjectNode read(String yaml) {
    return (ObjectNode) ManifestWriter.canonical(ManifestReader.withDefaults().readString("t.yaml", yaml).get(0).object());
  }

  @ParameterizedTest(name = "{0}/{1}")
  @CsvSource({
    "v1, Pod, spec",
    "apps/v1, Deployment, spec.template.spec",
    "apps/v1, StatefulSet, spec.template.spec",
    "apps/v1, DaemonSet, spec.template.spec",
    "batch/v1, Job, spec.template.spec",
  })
  void built_in_workloads(String apiVersion, String kind, String path) {
    String spec = "{containers: [{name: c, image: i}]}";
    String doc = kind.equals("Pod")
        ? "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: " + spec + "\n"
        : "apiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata: {name: x}\nspec:\n  template:\n    spec: " + spec + "\n";
    assertThat(PodTemplates.find(read(doc))).extracting(PodTemplateSite::path).containsExactly(path);
  }

  @Test
  void cron_jobs_nest_a_job_template() {
    String doc = "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: x}\nspec:\n  schedule: '* * * * *'\n  jobTemplate:\n    spec:\n      template:\n        spec: {containers: [{name: c, image: i}]}\n";
    assertThat(PodTemplates.find(read(doc))).extracting(PodTemplateSite::path).containsExactly("spec.jobTemplate.spec.template.spec");
  }

  @Test
  void every_replicated_job_of_a_jobset() {
    String doc = "apiVersion: jobset.x-k8s.io/v1alpha2\nkind: JobSet\nmetadata: {name: x}\nspec:\n  replicatedJobs:\n"
        + "  - {name: a, template: {spec: {template: {spec: {containers: [{name: c, image: i}]}}}}}\n"
        + "  - {name: b, template: {spec: {template: {spec: {containers: [{name: c, image: i}]}}}}}\n";
    assertThat(PodTemplates.find(read(doc))).extracting(PodTemplateSite::path)
        .containsExactly("spec.replicatedJobs[0].template.spec.template.spec", "spec.replicatedJobs[1].template.spec.template.spec");
  }

  @Test
  void leader_and_worker_templates_of_a_leader_worker_set() {
    String doc = "apiVersion: leaderworkerset.x-k8s.io/v1\nkind: LeaderWorkerSet\nmetadata: {name: x}\nspec:\n  leaderWorkerTemplate:\n    size: 4\n"
        + "    leaderTemplate: {spec: {containers: [{name: l, image: i}]}}\n    workerTemplate: {spec: {containers: [{name: w, image: i}]}}\n";
    assertThat(PodTemplates.find(read(doc))).extracting(PodTemplateSite::path)
        .containsExactly("spec.leaderWorkerTemplate.leaderTemplate.spec", "spec.leaderWorkerTemplate.workerTemplate.spec");
  }

  @Test
  void the_pod_template_of_an_agent_sandbox() {
    String doc = "apiVersion: agents.x-k8s.io/v1beta1\nkind: Sandbox\nmetadata: {name: x}\nspec:\n  podTemplate:\n    spec: {containers: [{name: c, image: i}]}\n";
    assertThat(PodTemplates.find(read(doc))).extracting(PodTemplateSite::path).containsExactly("spec.podTemplate.spec");
  }

  @Test
  void objects_without_templates_have_none() {
    assertThat(PodTemplates.find(read("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n"))).isEmpty();
    assertThat(PodTemplates.hasPodTemplates("v1", "ConfigMap")).isFalse();
    assertThat(PodTemplates.hasPodTemplates("inference.llmaz.io/v1alpha1", "Service")).isTrue();
    assertThat(PodTemplates.hasPodTemplates("v1", "Service")).isFalse();
  }

  @Test
  void changes_to_a_site_change_the_tree() {
    ObjectNode tree = read("apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: {containers: [{name: c, image: i}]}\n");
    List<PodTemplateSite> sites = PodTemplates.find(tree);
    sites.get(0).podSpec().put("hostname", "h");
    assertThat(tree.at("/spec/hostname").asText()).isEqualTo("h");
  }

  @Test
  void each_site_carries_the_metadata_next_to_its_pod_spec() {
    ObjectNode pod = read("apiVersion: v1\nkind: Pod\nmetadata: {name: x, annotations: {a: pod}}\nspec: {containers: []}\n");
    assertThat(PodTemplates.find(pod).get(0).podMetadata().at("/annotations/a").asText()).isEqualTo("pod");
    ObjectNode deployment = read("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, annotations: {a: owner}}\n"
        + "spec: {template: {metadata: {annotations: {a: template}}, spec: {containers: []}}}\n");
    assertThat(PodTemplates.find(deployment).get(0).podMetadata().at("/annotations/a").asText()).isEqualTo("template");
    ObjectNode bare = read("apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec: {template: {spec: {containers: []}}}\n");
    assertThat(PodTemplates.find(bare).get(0).podMetadata().isMissingNode()).isTrue();
  }
}
