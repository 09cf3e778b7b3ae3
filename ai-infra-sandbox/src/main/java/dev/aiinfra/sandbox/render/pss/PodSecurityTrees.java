package dev.aiinfra.sandbox.render.pss;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.Violations;
import dev.aiinfra.sandbox.model.pss.ContainerSecurityView;
import dev.aiinfra.sandbox.model.pss.PodSecurityView;
import dev.aiinfra.sandbox.model.pss.SeLinuxOptionsView;
import dev.aiinfra.sandbox.model.pss.VolumeView;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a {@link PodSecurityView} from a pod spec and its metadata as JSON trees, keeping "unset"
 * apart from explicit values and reporting every field of the wrong type with its path.
 */
public final class PodSecurityTrees {
  private static final List<String> PROBES = List.of("livenessProbe", "readinessProbe", "startupProbe");
  private static final List<String> HOOKS = List.of("postStart", "preStop");

  private PodSecurityTrees() {}

  /** {@code spec} at {@code at} (e.g. {@code spec.template.spec}) with the annotations of {@code metadata}. */
  public static PodSecurityReading read(JsonNode metadata, JsonNode spec, FieldPath at) {
    Violations v = new Violations();
    PodSecurityView.Builder b = PodSecurityView.builder();
    Iterator<Map.Entry<String, JsonNode>> annotations = metadata.path("annotations").fields();
    while (annotations.hasNext()) {
      Map.Entry<String, JsonNode> e = annotations.next();
      b.putAnnotation(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
    }
    b.hostNetwork(bool(spec, "hostNetwork", at, v).orElse(false));
    b.hostPID(bool(spec, "hostPID", at, v).orElse(false));
    b.hostIPC(bool(spec, "hostIPC", at, v).orElse(false));
    b.hostUsers(bool(spec, "hostUsers", at, v));
    b.osName(text(spec.path("os"), "name", at.child("os"), v));
    JsonNode sc = spec.path("securityContext");
    FieldPath scAt = at.child("securityContext");
    b.runAsNonRoot(bool(sc, "runAsNonRoot", scAt, v));
    b.runAsUser(integer(sc, "runAsUser", scAt, v));
    b.seccompProfileType(profileType(sc, "seccompProfile", scAt, v));
    b.appArmorProfileType(profileType(sc, "appArmorProfile", scAt, v));
    b.seLinuxOptions(seLinux(sc, scAt, v));
    b.windowsHostProcess(bool(sc.path("windowsOptions"), "hostProcess", scAt.child("windowsOptions"), v));
    JsonNode sysctls = list(sc.path("sysctls"), scAt.child("sysctls"), v);
    for (int i = 0; i < sysctls.size(); i++) {
      b.addSysctl(sysctls.get(i).path("name").asText(""));
    }
    JsonNode volumes = list(spec.path("volumes"), at.child("volumes"), v);
    for (int i = 0; i < volumes.size(); i++) {
      JsonNode vol = volumes.get(i);
      VolumeView.Builder vb = VolumeView.builder().name(vol.path("name").asText(""));
      Iterator<String> keys = vol.fieldNames();
      while (keys.hasNext()) {
        String k = keys.next();
        if (!k.equals("name") && !vol.get(k).isNull()) {
          vb.addSource(k);
        }
      }
      b.addVolume(vb.build());
    }
    containers(spec, "initContainers", ContainerSecurityView.Kind.INIT, at, v, b);
    containers(spec, "containers", ContainerSecurityView.Kind.REGULAR, at, v, b);
    containers(spec, "ephemeralContainers", ContainerSecurityView.Kind.EPHEMERAL, at, v, b);
    return v.isEmpty() ? new PodSecurityReading(Optional.of(b.build()), List.of()) : new PodSecurityReading(Optional.empty(), v.list());
  }

  /**
   * A field the API types as a list: itself, or an empty list when absent or null; anything else
   * is refused at its path, as the API server refuses to decode it (a CRD's pod template is not
   * checked against a schema before it reaches here).
   */
  private static JsonNode list(JsonNode node, FieldPath at, Violations v) {
    if (node.isArray()) {
      return node;
    }
    if (!node.isMissingNode() && !node.isNull()) {
      v.add(dev.aiinfra.core.model.FieldViolation.of(at, dev.aiinfra.core.model.FieldErrorType.Invalid, "must be a list"));
    }
    return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
  }

  private static void containers(JsonNode spec, String field, ContainerSecurityView.Kind kind, FieldPath at, Violations v,
      PodSecurityView.Builder b) {
    JsonNode list = list(spec.path(field), at.child(field), v);
    for (int i = 0; i < list.size(); i++) {
      JsonNode c = list.get(i);
      FieldPath cAt = at.child(field).index(i);
      JsonNode sc = c.path("securityContext");
      FieldPath scAt = cAt.child("securityContext");
      ContainerSecurityView.Builder cb = ContainerSecurityView.builder().name(c.path("name").asText("")).kind(kind)
          .privileged(bool(sc, "privileged", scAt, v))
          .allowPrivilegeEscalation(bool(sc, "allowPrivilegeEscalation", scAt, v))
          .runAsNonRoot(bool(sc, "runAsNonRoot", scAt, v))
          .runAsUser(integer(sc, "runAsUser", scAt, v))
          .seccompProfileType(profileType(sc, "seccompProfile", scAt, v))
          .appArmorProfileType(profileType(sc, "appArmorProfile", scAt, v))
          .seLinuxOptions(seLinux(sc, scAt, v))
          .windowsHostProcess(bool(sc.path("windowsOptions"), "hostProcess", scAt.child("windowsOptions"), v))
          .procMount(text(sc, "procMount", scAt, v));
      JsonNode caps = sc.path("capabilities");
      caps.path("add").forEach(n -> cb.addCapabilitiesAdd(n.asText()));
      caps.path("drop").forEach(n -> cb.addCapabilitiesDrop(n.asText()));
      JsonNode ports = c.path("ports");
      for (int p = 0; p < ports.size(); p++) {
        FieldPath portAt = cAt.child("ports").index(p);
        integer(ports.get(p), "hostPort", portAt, v).ifPresent(h -> {
          // A CRD-backed template's tree keeps any integer; the typed PodSpec field is an int32.
          if (h < Integer.MIN_VALUE || h > Integer.MAX_VALUE) {
            v.invalid(portAt.child("hostPort"), h, "must be a 32-bit integer");
          } else {
            cb.addHostPort(h.intValue());
          }
        });
      }
      for (String probe : PROBES) {
        hosts(c.path(probe), cb);
      }
      for (String hook : HOOKS) {
        hosts(c.path("lifecycle").path(hook), cb);
      }
      b.addContainer(cb.build());
    }
  }

  private static void hosts(JsonNode handler, ContainerSecurityView.Builder cb) {
    for (String kind : List.of("httpGet", "tcpSocket")) {
      JsonNode host = handler.path(kind).path("host");
      if (host.isTextual()) {
        cb.addHandlerHost(host.asText());
      }
    }
  }

  private static String shown(JsonNode n) {
    return n.isTextual() ? n.asText() : n.toString();
  }

  private static Optional<Boolean> bool(JsonNode parent, String field, FieldPath at, Violations v) {
    JsonNode n = parent.path(field);
    if (n.isMissingNode() || n.isNull()) {
      return Optional.empty();
    }
    if (!n.isBoolean()) {
      v.invalid(at.child(field), shown(n), "must be true or false");
      return Optional.empty();
    }
    return Optional.of(n.booleanValue());
  }

  private static Optional<Long> integer(JsonNode parent, String field, FieldPath at, Violations v) {
    JsonNode n = parent.path(field);
    if (n.isMissingNode() || n.isNull()) {
      return Optional.empty();
    }
    if (!n.isIntegralNumber() || !n.canConvertToLong()) {
      v.invalid(at.child(field), shown(n), n.isIntegralNumber() ? "must be a 64-bit integer" : "must be an integer");
      return Optional.empty();
    }
    return Optional.of(n.longValue());
  }

  private static Optional<String> text(JsonNode parent, String field, FieldPath at, Violations v) {
    JsonNode n = parent.path(field);
    if (n.isMissingNode() || n.isNull()) {
      return Optional.empty();
    }
    if (!n.isTextual()) {
      v.invalid(at.child(field), shown(n), "must be a string");
      return Optional.empty();
    }
    return Optional.of(n.asText());
  }

  /** A profile object present with no type reads as {@code ""}, which every check treats as invalid. */
  private static Optional<String> profileType(JsonNode sc, String field, FieldPath at, Violations v) {
    JsonNode p = sc.path(field);
    if (p.isMissingNode() || p.isNull()) {
      return Optional.empty();
    }
    return Optional.of(text(p, "type", at.child(field), v).orElse(""));
  }

  private static Optional<SeLinuxOptionsView> seLinux(JsonNode sc, FieldPath at, Violations v) {
    JsonNode o = sc.path("seLinuxOptions");
    if (o.isMissingNode() || o.isNull()) {
      return Optional.empty();
    }
    FieldPath oAt = at.child("seLinuxOptions");
    return Optional.of(SeLinuxOptionsView.builder()
        .user(text(o, "user", oAt, v).orElse(""))
        .role(text(o, "role", oAt, v).orElse(""))
        .type(text(o, "type", oAt, v).orElse(""))
        .level(text(o, "level", oAt, v).orElse(""))
        .build());
  }
}
