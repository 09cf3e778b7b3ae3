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
 * Pod volumes and volume mounts as the 1.36 API server validates them on create (ValidateVolumes,
 * validateVolumeSource, ValidateVolumeMounts); each case is checked against the VALIDATE oracle.
 */
class VolumeRulesTest {
  private static Set<String> violations(String volumes, String mounts) {
    String yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: nginx\n"
        + (mounts.isEmpty() ? "" : "    volumeMounts:\n" + mounts)
        + (volumes.isEmpty() ? "" : "  volumes:\n" + volumes);
    List<SourcedObject> objects = ManifestReader.with(ReadLimits.defaults()).readString("test.yaml", yaml);
    Set<String> out = new TreeSet<>();
    for (FieldViolation v : ObjectValidator.core().validate(objects.get(0).object()).violations()) {
      out.add(v.field() + " " + v.type());
    }
    return out;
  }

  @Test
  void volumes_with_one_source_each_and_mounts_that_name_them_are_valid() {
    assertThat(violations(
        "  - {name: cache, emptyDir: {sizeLimit: 1Gi}}\n  - {name: cfg, configMap: {name: app, items: [{key: a, path: conf/a.yaml, mode: 0644}]}}\n"
            + "  - {name: s, secret: {secretName: tls, defaultMode: 0400}}\n  - {name: data, persistentVolumeClaim: {claimName: data}}\n"
            + "  - {name: host, hostPath: {path: /var/log, type: Directory}}\n",
        "    - {name: cache, mountPath: /cache}\n    - {name: cfg, mountPath: /etc/app, subPath: conf}\n"
            + "    - {name: data, mountPath: /data, readOnly: true, recursiveReadOnly: IfPossible}\n"))
        .isEmpty();
  }

  @Test
  void a_volume_has_one_source_at_most_and_none_is_an_empty_dir() {
    assertThat(violations("  - {name: none}\n  - {name: two, emptyDir: {}, configMap: {name: a}}\n", "    - {name: none, mountPath: /n}\n"))
        .containsExactly("spec.volumes[1].configMap Forbidden");
  }

  @Test
  void a_second_downward_api_source_is_forbidden_at_the_api_servers_own_spelling() {
    assertThat(violations("  - {name: two, emptyDir: {}, downwardAPI: {}}\n", ""))
        .containsExactly("spec.volumes[0].downwarAPI Forbidden");
  }

  @Test
  void volume_names_are_required_dns_labels_and_unique() {
    assertThat(violations("  - {emptyDir: {}}\n  - {name: Cache, emptyDir: {}}\n  - {name: a, emptyDir: {}}\n  - {name: a, emptyDir: {}}\n", ""))
        .containsExactly("spec.volumes[0].name Required", "spec.volumes[1].name Invalid", "spec.volumes[3].name Duplicate");
  }

  @Test
  void sources_need_their_own_names_and_sane_modes_and_paths() {
    assertThat(violations(
        "  - {name: a, configMap: {defaultMode: 1000}}\n  - {name: b, secret: {items: [{key: '', path: /abs}, {key: k, path: '..x', mode: -1}]}}\n"
            + "  - {name: c, persistentVolumeClaim: {claimName: ''}}\n  - {name: d, hostPath: {path: '/a/../b', type: Folder}}\n"
            + "  - {name: e, hostPath: {path: ''}}\n  - {name: f, emptyDir: {sizeLimit: -1Gi}}\n", ""))
        .containsExactly(
            "spec.volumes[0].configMap.defaultMode Invalid", "spec.volumes[0].configMap.name Required",
            "spec.volumes[1].secret.items[0].key Required", "spec.volumes[1].secret.items[0].path Invalid",
            "spec.volumes[1].secret.items[1].mode Invalid", "spec.volumes[1].secret.items[1].path Invalid",
            "spec.volumes[1].secret.secretName Required",
            "spec.volumes[2].persistentVolumeClaim.claimName Required",
            "spec.volumes[3].hostPath.path Invalid", "spec.volumes[3].hostPath.type NotSupported",
            "spec.volumes[4].hostPath.path Required",
            "spec.volumes[5].emptyDir.sizeLimit Forbidden");
  }

  @Test
  void a_mount_of_a_missing_or_invalid_volume_is_not_found() {
    assertThat(violations("  - {name: Bad, emptyDir: {}}\n", "    - {name: Bad, mountPath: /a}\n    - {name: gone, mountPath: /b}\n    - {mountPath: /c}\n"))
        .containsExactly("spec.containers[0].volumeMounts[0].name NotFound", "spec.containers[0].volumeMounts[1].name NotFound",
            "spec.containers[0].volumeMounts[2].name NotFound", "spec.containers[0].volumeMounts[2].name Required",
            "spec.volumes[0].name Invalid");
  }

  @Test
  void mount_paths_are_required_and_unique_and_sub_paths_relative_at_the_api_servers_path() {
    assertThat(violations("  - {name: a, emptyDir: {}}\n",
        "    - {name: a, mountPath: /x}\n    - {name: a, mountPath: /x, subPath: /abs}\n    - {name: a, mountPath: '', subPathExpr: '../x'}\n"))
        .containsExactly("spec.containers[0].volumeMounts.subPath Invalid", "spec.containers[0].volumeMounts.subPathExpr Invalid",
            "spec.containers[0].volumeMounts[1].mountPath Invalid", "spec.containers[0].volumeMounts[2].mountPath Required");
  }

  @Test
  void bidirectional_propagation_needs_a_privileged_container_and_recursive_read_only_a_read_only_mount() {
    assertThat(violations("  - {name: a, emptyDir: {}}\n",
        "    - {name: a, mountPath: /x, mountPropagation: Bidirectional}\n    - {name: a, mountPath: /y, mountPropagation: Shared}\n"
            + "    - {name: a, mountPath: /z, recursiveReadOnly: Enabled}\n    - {name: a, mountPath: /w, recursiveReadOnly: Sometimes}\n"))
        .containsExactly("spec.containers[0].volumeMounts.mountPropagation Forbidden", "spec.containers[0].volumeMounts.mountPropagation NotSupported",
            "spec.containers[0].volumeMounts.recursiveReadOnly Forbidden", "spec.containers[0].volumeMounts.recursiveReadOnly NotSupported");
  }

  @Test
  void volumes_and_mounts_that_are_no_lists_in_a_crd_workload_are_not_read_as_volumes() {
    String jobset = "apiVersion: jobset.x-k8s.io/v1alpha2\nkind: JobSet\nmetadata: {name: js}\nspec:\n  replicatedJobs:\n  - name: w\n"
        + "    template:\n      spec:\n        template:\n          spec:\n            restartPolicy: Never\n"
        + "            volumes: {cache: {emptyDir: {}}}\n            containers:\n            - name: c\n              image: x\n"
        + "              volumeMounts: cache\n";
    List<SourcedObject> objects = ManifestReader.with(ReadLimits.defaults()).readString("test.yaml", jobset);
    assertThat(ObjectValidator.core().validate(objects.get(0).object()).violations()).isEmpty();
  }
}
