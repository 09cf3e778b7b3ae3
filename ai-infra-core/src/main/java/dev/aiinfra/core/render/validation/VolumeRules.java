package dev.aiinfra.core.render.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.aiinfra.core.model.FieldErrorType;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.quantity.QuantityField;
import dev.aiinfra.core.model.validation.NameRules;
import dev.aiinfra.core.model.validation.Violations;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API server's pod volume rules (ValidateVolumes, validateVolumeSource, ValidateVolumeMounts in
 * {@code pkg/apis/core/validation}): each volume has a DNS-1123 label name, unique in the pod, and
 * one source at most (none is defaulted to emptyDir); the common sources' own required fields, file
 * modes and paths (emptyDir, hostPath, configMap, secret, persistentVolumeClaim); and each
 * container's volume mounts name a volume that passed these rules, have a mount path unique in the
 * container, and relative subPaths without {@code ..}. Rules of the other sources (CSI, projected,
 * downwardAPI, ephemeral, NFS, …) and of {@code volumeDevices} are left to the API server.
 */
final class VolumeRules {
  /** Every volume source of {@code core/v1.VolumeSource}, in the API server's checking order. */
  private static final List<String> SOURCES = List.of(
      "emptyDir", "hostPath", "gitRepo", "gcePersistentDisk", "awsElasticBlockStore", "secret", "nfs", "iscsi",
      "glusterfs", "flocker", "persistentVolumeClaim", "rbd", "cinder", "cephfs", "quobyte", "downwardAPI", "fc",
      "flexVolume", "configMap", "azureFile", "vsphereVolume", "photonPersistentDisk", "portworxVolume", "azureDisk",
      "storageos", "projected", "scaleIO", "csi", "ephemeral", "image");
  /** Where the API server reports a second source when it is not the source's JSON name (its spellings). */
  private static final Map<String, String> FORBIDDEN_AT = Map.of("downwardAPI", "downwarAPI", "cephfs", "cephFS");
  private static final List<String> HOST_PATH_TYPES = List.of(
      "", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket");
  private static final List<String> PROPAGATIONS = List.of("Bidirectional", "HostToContainer", "None");
  private static final List<String> RECURSIVE_READ_ONLY = List.of("Disabled", "Enabled", "IfPossible");
  private static final int MAX_FILE_MODE = 0777;
  private static final String FILE_MODE_ERROR = "must be a number between 0 and 0777 (octal), both inclusive";

  private VolumeRules() {}

  /**
   * Adds the violations of {@code spec.volumes} (at {@code at}) and returns the names of the volumes
   * without any: the API server lets mounts refer only to those.
   */
  static Set<String> volumes(JsonNode spec, FieldPath at, Violations v) {
    // As upstream's allNames: only a volume without errors counts, for mounts and for duplicates.
    Set<String> valid = new HashSet<>();
    // A CRD-backed workload's pod spec is read as written: anything but a list holds no volume.
    JsonNode volumes = list(spec.path("volumes"));
    for (int i = 0; i < volumes.size(); i++) {
      JsonNode volume = volumes.get(i);
      FieldPath p = at.index(i);
      Violations own = new Violations();
      source(volume, p, own);
      String name = volume.path("name").asText("");
      if (name.isEmpty()) {
        own.required(p.child("name"), "");
      } else {
        own.checkName(p.child("name"), name, NameRules.dns1123Label(name));
      }
      if (valid.contains(name)) {
        own.duplicate(p.child("name"), name);
      }
      if (own.isEmpty()) {
        valid.add(name);
      }
      v.addAll(own.list());
    }
    return valid;
  }

  /** At most one source: a second one is Forbidden at its own path. */
  private static void source(JsonNode volume, FieldPath p, Violations v) {
    int sources = 0;
    for (String s : SOURCES) {
      JsonNode source = volume.get(s);
      if (source == null || source.isNull()) {
        continue;
      }
      if (sources++ > 0) {
        v.forbidden(p.child(FORBIDDEN_AT.getOrDefault(s, s)), "may not specify more than 1 volume type");
        continue;
      }
      sourceRules(s, source, p.child(s), v);
    }
    // No source at all is no error: SetDefaults_Volume makes such a volume an emptyDir.
  }

  private static void sourceRules(String kind, JsonNode source, FieldPath p, Violations v) {
    switch (kind) {
      case "emptyDir" -> {
        JsonNode limit = source.get("sizeLimit");
        if (limit != null && !limit.isNull()) {
          QuantityField.decode(limit.asText(), p.child("sizeLimit"), v)
              .filter(q -> q.signum() < 0)
              .ifPresent(q -> v.forbidden(p.child("sizeLimit"), "SizeLimit field must be a valid resource quantity"));
        }
      }
      case "hostPath" -> {
        String path = source.path("path").asText("");
        if (path.isEmpty()) {
          v.required(p.child("path"), "");
          return;
        }
        noBacksteps(path, p.child("path"), v);
        JsonNode type = source.get("type");
        if (type != null && !type.isNull() && !HOST_PATH_TYPES.contains(type.asText())) {
          v.notSupported(p.child("type"), type.asText(), HOST_PATH_TYPES);
        }
      }
      case "secret", "configMap" -> {
        String nameField = kind.equals("secret") ? "secretName" : "name";
        if (source.path(nameField).asText("").isEmpty()) {
          v.required(p.child(nameField), "");
        }
        fileMode(source.get("defaultMode"), p.child("defaultMode"), v);
        JsonNode items = list(source.path("items"));
        for (int i = 0; i < items.size(); i++) {
          keyToPath(items.get(i), p.child("items").index(i), v);
        }
      }
      case "persistentVolumeClaim" -> {
        if (source.path("claimName").asText("").isEmpty()) {
          v.required(p.child("claimName"), "");
        }
      }
      default -> { } // left to the API server: see the class comment
    }
  }

  private static void keyToPath(JsonNode item, FieldPath p, Violations v) {
    if (item.path("key").asText("").isEmpty()) {
      v.required(p.child("key"), "");
    }
    String path = item.path("path").asText("");
    if (path.isEmpty()) {
      v.required(p.child("path"), "");
    }
    // ValidateLocalNonReservedPath
    descending(path, p.child("path"), v);
    if (path.startsWith("..") && !path.startsWith("../")) {
      v.invalid(p.child("path"), path, "must not start with '..'");
    }
    fileMode(item.get("mode"), p.child("mode"), v);
  }

  private static void fileMode(JsonNode mode, FieldPath p, Violations v) {
    if (mode != null && !mode.isNull() && (mode.asLong() > MAX_FILE_MODE || mode.asLong() < 0)) {
      v.invalid(p, mode.asLong(), FILE_MODE_ERROR);
    }
  }

  /**
   * The mounts of one container (at {@code at}, its {@code volumeMounts}): a name that is one of
   * {@code volumes}, a mount path unique in the container, subPath/subPathExpr relative and without
   * {@code ..} (reported, as the API server does, at {@code volumeMounts.subPath} without the index),
   * propagation and recursiveReadOnly values.
   */
  static List<FieldViolation> mounts(JsonNode container, Set<String> volumes, FieldPath at) {
    Violations v = new Violations();
    JsonNode mounts = list(container.path("volumeMounts"));
    Set<String> paths = new HashSet<>();
    boolean privileged = container.path("securityContext").path("privileged").asBoolean(false);
    for (int i = 0; i < mounts.size(); i++) {
      JsonNode m = mounts.get(i);
      FieldPath p = at.index(i);
      String name = m.path("name").asText("");
      if (name.isEmpty()) {
        v.required(p.child("name"), "");
      }
      if (!volumes.contains(name)) {
        v.add(FieldViolation.of(p.child("name"), FieldErrorType.NotFound, name, ""));
      }
      String mountPath = m.path("mountPath").asText("");
      if (mountPath.isEmpty()) {
        v.required(p.child("mountPath"), "");
      }
      if (!paths.add(mountPath)) {
        v.invalid(p.child("mountPath"), mountPath, "must be unique");
      }
      String subPath = m.path("subPath").asText("");
      if (!subPath.isEmpty()) {
        descending(subPath, at.child("subPath"), v);
      }
      String subPathExpr = m.path("subPathExpr").asText("");
      if (!subPathExpr.isEmpty()) {
        if (!subPath.isEmpty()) {
          v.invalid(p.child("subPathExpr"), subPathExpr, "subPathExpr and subPath are mutually exclusive");
        }
        descending(subPathExpr, at.child("subPathExpr"), v);
      }
      String propagation = m.path("mountPropagation").asText("");
      if (m.hasNonNull("mountPropagation")) {
        if (!PROPAGATIONS.contains(propagation)) {
          v.notSupported(at.child("mountPropagation"), propagation, PROPAGATIONS);
        }
        if (propagation.equals("Bidirectional") && !privileged) {
          v.forbidden(at.child("mountPropagation"), "Bidirectional mount propagation is available only to privileged containers");
        }
      }
      recursiveReadOnly(m, propagation, at.child("recursiveReadOnly"), v);
    }
    return v.list();
  }

  private static void recursiveReadOnly(JsonNode m, String propagation, FieldPath p, Violations v) {
    if (!m.hasNonNull("recursiveReadOnly")) {
      return;
    }
    String rro = m.path("recursiveReadOnly").asText();
    if (!RECURSIVE_READ_ONLY.contains(rro)) {
      v.notSupported(p, rro, RECURSIVE_READ_ONLY);
    } else if (!rro.equals("Disabled")) {
      if (!m.path("readOnly").asBoolean(false)) {
        v.forbidden(p, "may only be specified when readOnly is true");
      }
      if (!propagation.isEmpty() && !propagation.equals("None")) {
        v.forbidden(p, "may only be specified when mountPropagation is None or not specified");
      }
    }
  }

  private static JsonNode list(JsonNode node) {
    return node.isArray() ? node : JsonNodeFactory.instance.arrayNode();
  }

  /** validateLocalDescendingPath: relative, without a {@code ..} element. */
  private static void descending(String path, FieldPath p, Violations v) {
    if (path.startsWith("/")) {
      v.invalid(p, path, "must be a relative path");
    }
    noBacksteps(path, p, v);
  }

  private static void noBacksteps(String path, FieldPath p, Violations v) {
    // filepath.ToSlash is the identity on the Linux API server: only '/' separates elements.
    if (List.of(path.split("/", -1)).contains("..")) {
      v.invalid(p, path, "must not contain '..'");
    }
  }
}
