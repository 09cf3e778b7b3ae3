package dev.aiinfra.core.render.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.read.ManifestReader;
import dev.aiinfra.core.read.ReadLimits;
import dev.aiinfra.core.read.SourcedObject;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The API server's create-time rules as {@link ObjectValidator#core()} applies them; each case is a
 * shrunk reproducer from the VALIDATE differential run against kube-apiserver 1.36 validation.
 */
class ObjectValidatorTest {
  private static final ReadLimits UNNAMED_OK = ReadLimits.defaults().withAllowUnnamed(true);

  private static Set<String> violations(String yaml) {
    List<SourcedObject> objects = ManifestReader.with(UNNAMED_OK).readString("test.yaml", yaml);
    Set<String> out = new TreeSet<>();
    for (FieldViolation v : ObjectValidator.core().validate(objects.get(0).object()).violations()) {
      out.add(v.field() + " " + v.type());
    }
    return out;
  }

  private static String pod(String containerFields) {
    return "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: nginx\n" + containerFields;
  }

  @Test
  void label_key_and_value_errors_are_reported_at_metadata_labels() {
    assertThat(violations("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, labels: {a/b/c: v, app: '-x'}}\n"))
        .containsExactly("metadata.labels Invalid");
  }

  @Test
  void an_unnamed_dns_option_is_required_at_the_option_itself() {
    assertThat(violations("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: nginx}]\n"
        + "  dnsConfig: {options: [{value: '2'}]}\n"))
        .containsExactly("spec.dnsConfig.options[0] Required");
  }

  @Test
  void an_unsupported_dns_policy_does_not_hide_dns_config_rules() {
    assertThat(violations("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: nginx}]\n"
        + "  dnsPolicy: ClusterFirstWithHost\n  dnsConfig: {searches: ['a..b']}\n"))
        .containsExactly("spec.dnsConfig.searches[0] Invalid", "spec.dnsPolicy NotSupported");
  }

  @Test
  void container_ports_outside_1_to_65535_unknown_protocols_and_bad_or_repeated_names_are_reported() {
    assertThat(violations(pod("    ports:\n    - {containerPort: 70000, name: web}\n    - {containerPort: 80, hostPort: -1, name: web}\n"
        + "    - {containerPort: 0, protocol: HTTP, name: '8080'}\n")))
        .containsExactly(
            "spec.containers[0].ports[0].containerPort Invalid",
            "spec.containers[0].ports[1].hostPort Invalid",
            "spec.containers[0].ports[1].name Duplicate",
            "spec.containers[0].ports[2].containerPort Required",
            "spec.containers[0].ports[2].name Invalid",
            "spec.containers[0].ports[2].protocol NotSupported");
  }

  @Test
  void requests_above_limits_are_invalid_at_resources_requests() {
    assertThat(violations(pod("    resources:\n      requests: {cpu: '2', memory: 1Gi}\n      limits: {cpu: '1', memory: 1G}\n")))
        .containsExactly("spec.containers[0].resources.requests Invalid");
  }

  @Test
  void malformed_quantities_are_invalid_at_their_own_path() {
    assertThat(violations(pod("    resources:\n      requests: {cpu: 2cores}\n      limits: {memory: 1.5.3Gi}\n")))
        .contains("spec.containers[0].resources.requests[cpu] Invalid", "spec.containers[0].resources.limits[memory] Invalid");
  }

  @Test
  void a_null_quantity_is_zero_as_the_api_server_decodes_it() {
    assertThat(violations(pod("    resources:\n      requests: {memory: }\n      limits: {memory: 1Gi}\n"))).isEmpty();
  }

  @Test
  void quantities_the_api_server_accepts_are_valid_whatever_their_spelling() {
    assertThat(violations(pod("    resources:\n      requests: {memory: 1E, cpu: ' 2 '}\n      limits: {memory: '8Ei'}\n")))
        .isEmpty();
  }

  @Test
  void a_quantity_the_scheduler_and_kubelet_would_wrap_is_invalid_though_the_api_server_stores_it() {
    assertThat(violations(pod("    resources:\n      limits: {memory: 10E, ephemeral-storage: '1e1000'}\n")))
        .containsExactly("spec.containers[0].resources.limits[ephemeral-storage] Invalid", "spec.containers[0].resources.limits[memory] Invalid",
            "spec.containers[0].resources.requests[ephemeral-storage] Invalid", "spec.containers[0].resources.requests[memory] Invalid");
  }

  @Test
  void a_quantity_with_a_bad_suffix_is_invalid_at_its_path() {
    assertThat(violations(pod("    resources:\n      limits: {memory: 1Mi1}\n")))
        .containsExactly("spec.containers[0].resources.limits[memory] Invalid", "spec.containers[0].resources.requests[memory] Invalid");
  }

  @Test
  void negative_quantities_are_invalid_and_a_pod_limit_is_also_its_request() {
    assertThat(violations(pod("    resources:\n      limits: {cpu: '-1'}\n")))
        .containsExactly("spec.containers[0].resources.limits[cpu] Invalid", "spec.containers[0].resources.requests[cpu] Invalid");
    String deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {app: a}}\n"
        + "  template:\n    metadata: {labels: {app: a}}\n    spec:\n      containers:\n      - name: c\n        image: nginx\n"
        + "        resources: {limits: {cpu: '-1'}}\n";
    assertThat(violations(deployment)).containsExactly("spec.template.spec.containers[0].resources.limits[cpu] Invalid");
  }

  @Test
  void extended_resources_are_whole_numbers_with_requests_equal_to_limits() {
    assertThat(violations(pod("    resources:\n      requests: {nvidia.com/gpu: 500m, example.com/foo: '1'}\n      limits: {nvidia.com/gpu: '1'}\n")))
        .containsExactly(
            "spec.containers[0].resources.limits Required",
            "spec.containers[0].resources.requests Invalid",
            "spec.containers[0].resources.requests[nvidia.com/gpu] Invalid");
  }

  @Test
  void resource_names_must_be_standard_for_containers_or_fully_qualified() {
    assertThat(violations(pod("    resources:\n      limits: {gpu: '1', a/b/c: '1', kubernetes.io/foo: '1', storage: '1'}\n")))
        .containsExactly(
            "spec.containers[0].resources.limits[a/b/c] Invalid",
            "spec.containers[0].resources.limits[gpu] Invalid",
            "spec.containers[0].resources.limits[storage] Invalid",
            "spec.containers[0].resources.requests[a/b/c] Invalid",
            "spec.containers[0].resources.requests[gpu] Invalid",
            "spec.containers[0].resources.requests[storage] Invalid");
  }

  @Test
  void env_names_follow_the_relaxed_rule_printable_ascii_without_equals() {
    assertThat(violations(pod("    env:\n    - {name: my.env-name, value: v}\n    - {name: 1ABC, value: v}\n"
        + "    - {name: A=B, value: v}\n    - {value: v}\n")))
        .containsExactly("spec.containers[0].env[2].name Invalid", "spec.containers[0].env[3].name Required");
  }

  @Test
  void pull_and_termination_message_policies_are_enumerations() {
    assertThat(violations(pod("    imagePullPolicy: Sometimes\n    terminationMessagePolicy: ReadFile\n")))
        .containsExactly("spec.containers[0].imagePullPolicy NotSupported", "spec.containers[0].terminationMessagePolicy NotSupported");
  }

  @Test
  void restart_policy_is_always_for_deployments_and_on_failure_or_never_for_jobs() {
    assertThat(violations("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {app: a}}\n"
        + "  template:\n    metadata: {labels: {app: a}}\n    spec:\n      restartPolicy: OnFailure\n      containers: [{name: c, image: nginx}]\n"))
        .containsExactly("spec.template.spec.restartPolicy NotSupported");
    assertThat(violations("apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n"
        + "      containers: [{name: c, image: nginx}]\n"))
        .containsExactly("spec.template.spec.restartPolicy Required");
  }

  @Test
  void init_container_names_may_not_repeat_regular_ones_and_are_checked_without_regular_containers() {
    assertThat(violations("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  initContainers: [{name: c, image: busybox}]\n"
        + "  containers: [{name: c, image: nginx}]\n"))
        .containsExactly("spec.initContainers[0].name Duplicate");
    assertThat(violations("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  initContainers: [{name: Bad, image: busybox}]\n"
        + "  containers: []\n"))
        .containsExactly("spec.containers Required", "spec.initContainers[0].name Invalid");
  }

  @Test
  void a_pod_without_spec_has_no_containers() {
    assertThat(violations("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n")).containsExactly("spec.containers Required");
  }

  @Test
  void statefulset_names_are_dns_labels_and_cronjob_names_at_most_52_characters() {
    assertThat(violations("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: a.b}\nspec:\n  serviceName: s\n"
        + "  selector: {matchLabels: {app: a}}\n  template:\n    metadata: {labels: {app: a}}\n    spec:\n"
        + "      containers: [{name: c, image: nginx}]\n"))
        .containsExactly("metadata.name Invalid");
    assertThat(violations("apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: " + "x".repeat(53) + "}\nspec:\n"
        + "  schedule: '@hourly'\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n"
        + "          containers: [{name: c, image: nginx}]\n"))
        .containsExactly("metadata.name Invalid");
  }

  @Test
  void a_namespace_is_labelled_with_its_name_and_a_job_template_with_the_job_name() {
    assertThat(violations("apiVersion: v1\nkind: Namespace\nmetadata: {name: '-a'}\n"))
        .containsExactly("metadata.labels Invalid", "metadata.name Invalid");
    assertThat(violations("apiVersion: batch/v1\nkind: Job\nmetadata: {name: " + "x".repeat(64) + "}\nspec:\n  template:\n    spec:\n"
        + "      restartPolicy: Never\n      containers: [{name: c, image: nginx}]\n"))
        .containsExactly("spec.template.labels Invalid");
  }

  @Test
  void generate_name_is_checked_as_the_api_server_masks_it_and_the_generated_name_too() {
    assertThat(violations("apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {generateName: ok.}\nspec:\n"
        + "  selector: {matchLabels: {app: a}}\n  template:\n    metadata: {labels: {app: a}}\n    spec:\n"
        + "      containers: [{name: c, image: nginx}]\n"))
        .containsExactly("metadata.generateName Invalid");
    assertThat(violations("apiVersion: v1\nkind: ReplicationController\nmetadata: {generateName: ok.}\nspec:\n"
        + "  template:\n    metadata: {labels: {app: a}}\n    spec:\n      containers: [{name: c, image: nginx}]\n"))
        .isEmpty();
    assertThat(violations("apiVersion: v1\nkind: ConfigMap\nmetadata: {generateName: a.b-}\n")).isEmpty();
  }

  @Test
  void an_object_without_name_or_generate_name_is_required_at_metadata_name() {
    assertThat(violations("apiVersion: v1\nkind: ConfigMap\nmetadata: {namespace: x}\n")).containsExactly("metadata.name Required");
  }

  @Test
  void probes_need_exactly_one_valid_handler_and_sane_numbers_and_host_ports_may_not_collide() {
    String yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  initContainers:\n"
        + "  - {name: i, image: busybox, readinessProbe: {exec: {command: ['true']}}}\n  containers:\n"
        + "  - name: c\n    image: nginx\n    ports: [{containerPort: 80, hostPort: 8443}]\n"
        + "    livenessProbe: {httpGet: {port: 70000, scheme: TCP}, tcpSocket: {port: http}, successThreshold: 2}\n"
        + "    readinessProbe: {periodSeconds: -1, terminationGracePeriodSeconds: 5}\n"
        + "  - name: d\n    image: nginx\n    ports: [{containerPort: 81, hostPort: 8443, protocol: TCP}]\n";
    assertThat(violations(yaml)).containsExactly(
        "spec.containers[0].livenessProbe.httpGet.port Invalid",
        "spec.containers[0].livenessProbe.httpGet.scheme NotSupported",
        "spec.containers[0].livenessProbe.successThreshold Invalid",
        "spec.containers[0].livenessProbe.tcpSocket Forbidden",
        "spec.containers[0].readinessProbe Required",
        "spec.containers[0].readinessProbe.periodSeconds Invalid",
        "spec.containers[0].readinessProbe.terminationGracePeriodSeconds Invalid",
        "spec.containers[1].ports[0].hostPort Duplicate",
        "spec.initContainers[0].readinessProbe Forbidden");
  }

  @Test
  void nameservers_are_strict_ips_and_search_labels_take_underscore_only_before_an_alphanumeric() {
    String yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: nginx}]\n"
        + "  dnsConfig:\n    nameservers: ['010.1.1.1', '::ffff:1.2.3.4', '::ffff:102:304']\n"
        + "    searches: [_, __a.com, _-a.com, a_b.c_d, _a._b.com, a_.com]\n";
    assertThat(violations(yaml)).containsExactly(
        "spec.dnsConfig.nameservers[0] Invalid",
        "spec.dnsConfig.nameservers[1] Invalid",
        "spec.dnsConfig.nameservers[2] Invalid",
        "spec.dnsConfig.searches[0] Invalid",
        "spec.dnsConfig.searches[1] Invalid",
        "spec.dnsConfig.searches[2] Invalid",
        "spec.dnsConfig.searches[5] Invalid");
  }

  @Test
  void template_labels_and_annotations_are_checked_at_the_template_and_jobs_take_template_labels() {
    String meta = "    metadata: {labels: {app: a, a/b/c: x, v: '-x'}, annotations: {'-bad': x, ok: z}}\n";
    assertThat(violations("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {app: a}}\n"
        + "  template:\n" + meta + "    spec: {containers: [{name: c, image: nginx}]}\n"))
        .containsExactly("spec.template.annotations Invalid", "spec.template.labels Invalid");
    assertThat(violations("apiVersion: batch/v1\nkind: Job\nmetadata: {name: d}\nspec:\n  template:\n" + meta
        + "    spec: {restartPolicy: Never, containers: [{name: c, image: nginx}]}\n"))
        .containsExactly("metadata.labels Invalid", "spec.template.annotations Invalid", "spec.template.labels Invalid");
    assertThat(violations("apiVersion: v1\nkind: PodTemplate\nmetadata: {name: d}\ntemplate:\n" + meta
        + "    spec: {containers: [{name: c, image: nginx}]}\n"))
        .containsExactly("template.annotations Invalid", "template.labels Invalid");
  }

  @Test
  void a_workload_without_its_pod_template_needs_one_where_the_template_belongs() {
    assertThat(violations("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {selector: {matchLabels: {a: b}}}\n"))
        .contains("spec.template.spec.containers Required");
    assertThat(violations("apiVersion: leaderworkerset.x-k8s.io/v1\nkind: LeaderWorkerSet\nmetadata: {name: l}\n"))
        .containsExactly("spec.leaderWorkerTemplate.workerTemplate.spec.containers Required");
    assertThat(violations("apiVersion: jobset.x-k8s.io/v1alpha2\nkind: JobSet\nmetadata: {name: j}\n"
        + "spec: {replicatedJobs: [{name: w, template: {spec: {}}}]}\n"))
        .containsExactly("spec.replicatedJobs[0].template.spec.template.spec.containers Required");
  }

  @Test
  void a_leader_worker_set_without_a_leader_template_uses_its_worker_template() {
    assertThat(violations("apiVersion: leaderworkerset.x-k8s.io/v1\nkind: LeaderWorkerSet\nmetadata: {name: l}\n"
        + "spec: {leaderWorkerTemplate: {workerTemplate: {spec: {containers: [{name: w, image: i}]}}}}\n")).isEmpty();
  }

  @Test
  void an_unlabelled_job_shares_its_template_labels_and_so_the_job_name_labels_too() {
    // Found by ValidateAgreementApiServerTest: the real API server (and the oracle) report the Job's
    // own labels too, since SetDefaults_Job hands it the template's label map, not a copy.
    String job = "apiVersion: batch/v1\nkind: Job\nmetadata: {name: a-}\nspec:\n  template:\n    metadata: {labels: {tier: web}}\n"
        + "    spec:\n      restartPolicy: Never\n      containers: [{name: c, image: x}]\n";
    assertThat(violations(job)).containsExactly("metadata.labels Invalid", "metadata.name Invalid", "spec.template.labels Invalid");
    assertThat(violations(job.replace("    metadata: {labels: {tier: web}}\n", "")))
        .containsExactly("metadata.name Invalid", "spec.template.labels Invalid");
  }
}
