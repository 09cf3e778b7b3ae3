package dev.aiinfra.core.render.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.core.model.quantity.QuantityField;
import dev.aiinfra.core.model.validation.NameRules;
import dev.aiinfra.core.model.validation.Violations;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API server's container rules on one pod spec, after its create-time defaults: container
 * names (DNS-1123 label, unique across regular and init containers), image, ports (range, protocol,
 * IANA port names, unique names), env names (relaxed, GA since 1.34), image pull and termination
 * message policies, resource names and quantities (non-negative, whole numbers for extended
 * resources, requests not above limits, extended resources' requests equal to limits), and the pod
 * restart policy with the owner's constraint (Always for ReplicaSet-like owners, OnFailure or Never
 * for Jobs), and the pod's volumes and each container's mounts ({@link VolumeRules}). Pods default
 * missing requests to their limits, templates do not (SetDefaults_Pod).
 */
final class ContainerRules {
  private static final Set<String> RESTART_POLICIES = Set.of("Always", "OnFailure", "Never");
  private static final List<String> RESTART_POLICY_ORDER = List.of("Always", "OnFailure", "Never");
  private static final Set<String> ALWAYS_OWNERS =
      Set.of("apps/Deployment", "apps/ReplicaSet", "apps/DaemonSet", "apps/StatefulSet", "/ReplicationController");
  private static final Set<String> JOB_OWNERS = Set.of("batch/Job", "batch/CronJob");
  private static final List<String> PULL_POLICIES = List.of("Always", "IfNotPresent", "Never");
  private static final List<String> TERMINATION_MESSAGE_POLICIES = List.of("File", "FallbackToLogsOnError");
  private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
  private static final Set<String> CONTAINER_RESOURCES = Set.of("cpu", "memory", "ephemeral-storage");
  private static final Set<String> STANDARD_RESOURCES = Set.of(
      "cpu", "memory", "ephemeral-storage", "requests.cpu", "requests.memory", "requests.ephemeral-storage",
      "limits.cpu", "limits.memory", "limits.ephemeral-storage", "pods", "resourcequotas", "services",
      "replicationcontrollers", "secrets", "configmaps", "persistentvolumeclaims", "storage", "requests.storage",
      "services.nodeports", "services.loadbalancers");
  private static final Set<String> INTEGER_RESOURCES = Set.of(
      "pods", "resourcequotas", "services", "replicationcontrollers", "secrets", "configmaps",
      "persistentvolumeclaims", "services.nodeports", "services.loadbalancers");
  private static final List<String> PROBES = List.of("livenessProbe", "readinessProbe", "startupProbe");
  private static final List<String> PROBE_HANDLERS = List.of("exec", "httpGet", "tcpSocket", "grpc");
  private static final List<String> HTTP_SCHEMES = List.of("HTTP", "HTTPS");
  private static final int MIN_PORT = 1;
  private static final int MAX_PORT = 65535;

  private ContainerRules() {}

  /** Every rule {@code spec} (at {@code at}) breaks; {@code owner} is {@code group/Kind} of the object. */
  static List<FieldViolation> podSpec(JsonNode spec, FieldPath at, String owner) {
    Violations v = new Violations();
    boolean pod = owner.equals("/Pod");
    Set<String> volumes = VolumeRules.volumes(spec, at.child("volumes"), v);
    JsonNode containers = spec.get("containers");
    Set<String> regular = new HashSet<>();
    if (containers == null || !containers.isArray() || containers.isEmpty()) {
      v.required(at.child("containers"), "");
    } else {
      for (int i = 0; i < containers.size(); i++) {
        FieldPath p = at.child("containers").index(i);
        JsonNode c = containers.get(i);
        common(c, p, pod, volumes, v);
        String name = c.path("name").asText("");
        if (!regular.add(name)) {
          v.duplicate(p.child("name"), name);
        }
        probes(c, p, v);
      }
      hostPortConflicts(containers, at.child("containers"), v);
    }
    JsonNode init = spec.get("initContainers");
    if (init != null && init.isArray()) {
      Set<String> all = new HashSet<>(regular);
      for (int i = 0; i < init.size(); i++) {
        FieldPath p = at.child("initContainers").index(i);
        JsonNode c = init.get(i);
        common(c, p, pod, volumes, v);
        String name = c.path("name").asText("");
        if (all.contains(name)) {
          v.duplicate(p.child("name"), name);
        } else if (!name.isEmpty()) {
          all.add(name);
        }
        // Init containers run one by one: host ports conflict only within one of them.
        hostPortConflicts(JsonNodeFactory.instance.arrayNode().add(c), at.child("initContainers"), v);
        if (c.path("restartPolicy").asText("").equals("Always")) {
          probes(c, p, v);
        } else {
          for (String probe : PROBES) {
            if (c.hasNonNull(probe)) {
              v.forbidden(p.child(probe), "may not be set for init containers without restartPolicy=Always");
            }
          }
        }
      }
    }
    restartPolicy(spec, at.child("restartPolicy"), owner, v);
    return v.list();
  }

  private static void restartPolicy(JsonNode spec, FieldPath at, String owner, Violations v) {
    String policy = spec.path("restartPolicy").asText("");
    if (policy.isEmpty()) {
      policy = "Always"; // SetDefaults_PodSpec
    }
    if (!RESTART_POLICIES.contains(policy)) {
      v.notSupported(at, policy, RESTART_POLICY_ORDER);
    }
    if (ALWAYS_OWNERS.contains(owner) && !policy.equals("Always")) {
      v.notSupported(at, policy, List.of("Always"));
    }
    if (JOB_OWNERS.contains(owner)) {
      if (policy.equals("Always")) {
        v.required(at, "valid values: \"OnFailure\", \"Never\"");
      } else if (!policy.equals("OnFailure") && !policy.equals("Never")) {
        v.notSupported(at, policy, List.of("OnFailure", "Never"));
      }
    }
  }

  private static void common(JsonNode c, FieldPath p, boolean pod, Set<String> volumes, Violations v) {
    String name = c.path("name").asText("");
    if (name.isEmpty()) {
      v.required(p.child("name"), "");
    } else {
      v.checkName(p.child("name"), name, NameRules.dns1123Label(name));
    }
    if (c.path("image").asText("").isEmpty()) {
      v.required(p.child("image"), "");
    }
    String tmp = c.path("terminationMessagePolicy").asText("");
    if (!tmp.isEmpty() && !TERMINATION_MESSAGE_POLICIES.contains(tmp)) {
      v.notSupported(p.child("terminationMessagePolicy"), tmp, TERMINATION_MESSAGE_POLICIES);
    }
    ports(c.get("ports"), p.child("ports"), v);
    v.addAll(VolumeRules.mounts(c, volumes, p.child("volumeMounts")));
    env(c.get("env"), p.child("env"), v);
    String pull = c.path("imagePullPolicy").asText("");
    if (!pull.isEmpty() && !PULL_POLICIES.contains(pull)) {
      v.notSupported(p.child("imagePullPolicy"), pull, PULL_POLICIES);
    }
    resources(c.path("resources"), p.child("resources"), pod, v);
  }

  private static void ports(JsonNode ports, FieldPath at, Violations v) {
    if (ports == null || !ports.isArray()) {
      return;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      JsonNode port = ports.get(i);
      FieldPath p = at.index(i);
      String name = port.path("name").asText("");
      if (!name.isEmpty()) {
        List<String> errors = NameRules.portName(name);
        if (!errors.isEmpty()) {
          v.checkName(p.child("name"), name, errors);
        } else if (!names.add(name)) {
          v.duplicate(p.child("name"), name);
        }
      }
      long containerPort = port.path("containerPort").asLong(0);
      if (containerPort == 0) {
        v.required(p.child("containerPort"), "");
      } else if (containerPort < MIN_PORT || containerPort > MAX_PORT) {
        v.invalid(p.child("containerPort"), containerPort, rangeError());
      }
      long hostPort = port.path("hostPort").asLong(0);
      if (hostPort != 0 && (hostPort < MIN_PORT || hostPort > MAX_PORT)) {
        v.invalid(p.child("hostPort"), hostPort, rangeError());
      }
      String protocol = port.path("protocol").asText("");
      if (!protocol.isEmpty() && !PROTOCOLS.contains(protocol)) {
        v.notSupported(p.child("protocol"), protocol, PROTOCOLS);
      }
    }
  }

  /**
   * Liveness, readiness and startup probes after their defaults (timeout 1, period 10, success 1,
   * failure 3; HTTP path "/" and scheme HTTP): exactly one handler, ports in range or valid port
   * names, non-negative numbers, success threshold 1 for liveness and startup, a positive
   * terminationGracePeriodSeconds and none on readiness probes.
   */
  private static void probes(JsonNode c, FieldPath p, Violations v) {
    for (String kind : PROBES) {
      JsonNode probe = c.get(kind);
      if (probe == null || probe.isNull()) {
        continue;
      }
      FieldPath at = p.child(kind);
      int handlers = 0;
      for (String h : PROBE_HANDLERS) {
        JsonNode handler = probe.get(h);
        if (handler == null || handler.isNull()) {
          continue;
        }
        if (handlers++ > 0) {
          v.forbidden(at.child(h), "may not specify more than 1 handler type");
          continue;
        }
        FieldPath hp = at.child(h);
        switch (h) {
          case "exec" -> {
            if (handler.path("command").size() == 0) {
              v.required(hp.child("command"), "");
            }
          }
          case "httpGet" -> {
            portNumOrName(handler.get("port"), hp.child("port"), v);
            String scheme = handler.path("scheme").asText("");
            if (!scheme.isEmpty() && !HTTP_SCHEMES.contains(scheme)) {
              v.notSupported(hp.child("scheme"), scheme, HTTP_SCHEMES);
            }
          }
          default -> portNumOrName(handler.get("port"), hp.child("port"), v);
        }
      }
      if (handlers == 0) {
        v.required(at, "must specify a handler type");
      }
      for (String f : List.of("initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold")) {
        long n = probe.path(f).asLong(0);
        if (n < 0) {
          v.invalid(at.child(f), n, "must be greater than or equal to 0");
        }
      }
      long success = probe.path("successThreshold").asLong(0);
      if (success == 0) {
        success = 1; // SetDefaults_Probe
      }
      if (!kind.equals("readinessProbe") && success != 1) {
        v.invalid(at.child("successThreshold"), success, "must be 1");
      }
      JsonNode grace = probe.get("terminationGracePeriodSeconds");
      if (grace != null && !grace.isNull()) {
        if (grace.asLong() <= 0) {
          v.invalid(at.child("terminationGracePeriodSeconds"), grace.asLong(), "must be greater than 0");
        }
        if (kind.equals("readinessProbe")) {
          v.invalid(at.child("terminationGracePeriodSeconds"), grace.asLong(), "must not be set for readinessProbes");
        }
      }
    }
  }

  private static void portNumOrName(JsonNode port, FieldPath at, Violations v) {
    if (port != null && port.isTextual()) {
      v.checkName(at, port.asText(), NameRules.portName(port.asText()));
      return;
    }
    long n = port == null || port.isNull() ? 0 : port.asLong();
    if (n < MIN_PORT || n > MAX_PORT) {
      v.invalid(at, n, rangeError());
    }
  }

  /** Two ports of these containers may not claim one host port (protocol/hostIP/port). */
  private static void hostPortConflicts(JsonNode containers, FieldPath at, Violations v) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < containers.size(); i++) {
      JsonNode ports = containers.get(i).path("ports");
      for (int j = 0; j < ports.size(); j++) {
        JsonNode port = ports.get(j);
        long hostPort = port.path("hostPort").asLong(0);
        if (hostPort == 0) {
          continue;
        }
        String protocol = port.path("protocol").asText("");
        String key = (protocol.isEmpty() ? "TCP" : protocol) + "/" + port.path("hostIP").asText("") + "/" + hostPort;
        if (!seen.add(key)) {
          v.duplicate(at.index(i).child("ports").index(j).child("hostPort"), key);
        }
      }
    }
  }

  private static String rangeError() {
    return "must be between " + MIN_PORT + " and " + MAX_PORT + ", inclusive";
  }

  private static void env(JsonNode env, FieldPath at, Violations v) {
    if (env == null || !env.isArray()) {
      return;
    }
    for (int i = 0; i < env.size(); i++) {
      String name = env.get(i).path("name").asText("");
      FieldPath p = at.index(i).child("name");
      if (name.isEmpty()) {
        v.required(p, "");
      } else {
        v.checkName(p, name, NameRules.relaxedEnvVarName(name));
      }
    }
  }

  private static void resources(JsonNode resources, FieldPath at, boolean pod, Violations v) {
    FieldPath limPath = at.child("limits");
    FieldPath reqPath = at.child("requests");
    Map<String, String> limits = texts(resources.path("limits"));
    Map<String, String> requests = texts(resources.path("requests"));
    if (pod) {
      // SetDefaults_Pod: a limit without a request is also the request.
      limits.forEach(requests::putIfAbsent);
    }
    Map<String, Quantity> parsedLimits = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : limits.entrySet()) {
      FieldPath p = limPath.key(e.getKey());
      resourceName(e.getKey(), p, v);
      quantity(e.getKey(), e.getValue(), p, v).ifPresent(q -> parsedLimits.put(e.getKey(), q));
    }
    for (Map.Entry<String, String> e : requests.entrySet()) {
      String name = e.getKey();
      FieldPath p = reqPath.key(name);
      resourceName(name, p, v);
      java.util.Optional<Quantity> q = quantity(name, e.getValue(), p, v);
      if (limits.containsKey(name)) {
        Quantity limit = parsedLimits.get(name);
        if (q.isPresent() && limit != null) {
          int cmp = q.get().compareTo(limit);
          if (cmp != 0 && !overcommitAllowed(name)) {
            v.invalid(reqPath, q.get(), "must be equal to " + name + " limit of " + limit);
          } else if (cmp > 0) {
            v.invalid(reqPath, q.get(), "must be less than or equal to " + name + " limit of " + limit);
          }
        }
      } else if (!overcommitAllowed(name)) {
        v.required(limPath, "Limit must be set for non overcommitable resources");
      }
    }
  }

  /** Each entry's text; a JSON {@code null} stays {@code null} (the API server decodes it as zero). */
  private static Map<String, String> texts(JsonNode list) {
    Map<String, String> out = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = list.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
    }
    return out;
  }

  /**
   * The quantity read by {@link QuantityField}'s rule (the one {@code cgroup pod} and {@code gang
   * place} use), or the violations of its text: not a quantity at all (the API server refuses to
   * decode such an object; ai-infra reports the field instead), negative, or fractional where only
   * whole numbers count ({@code MilliValue() % 1000 != 0}; decided exactly, where Go's int64 would
   * wrap past 2^63−1 millis).
   */
  private static final String COUNTERS = "the API server accepts it, but kube-scheduler and the kubelet";

  private static java.util.Optional<Quantity> quantity(String resource, String text, FieldPath p, Violations v) {
    java.util.Optional<Quantity> q = QuantityField.resource(text, p, v);
    if (q.isPresent() && integerResource(resource) && !q.get().isInteger()) {
      v.invalid(p, q.get(), "must be an integer");
    }
    if (q.isPresent() && q.get().signum() >= 0) {
      // Stricter than the API server on purpose: a value it stores but the scheduler and the
      // kubelet would wrap around is one that cgroup pod and gang place refuse too.
      QuantityField.countable(resource, q.get(), p, COUNTERS, v);
    }
    return q;
  }

  /** validateContainerResourceName: a standard container resource, or a well-formed extended one. */
  private static void resourceName(String name, FieldPath p, Violations v) {
    List<String> qualified = NameRules.qualifiedName(name);
    boolean unprefixed = !name.contains("/");
    if (!qualified.isEmpty()) {
      v.checkName(p, name, qualified);
    } else if (unprefixed && !STANDARD_RESOURCES.contains(name) && !name.startsWith("hugepages-")
        && !name.startsWith("requests.hugepages-")) {
      v.invalid(p, name, "must be a standard resource type or fully qualified");
    }
    if (unprefixed) {
      if (!CONTAINER_RESOURCES.contains(name) && !name.startsWith("hugepages-")) {
        v.invalid(p, name, "must be a standard resource for containers");
      }
    } else if (!nativeResource(name) && !extended(name)) {
      v.invalid(p, name, "doesn't follow extended resource name standard");
    }
  }

  private static boolean nativeResource(String name) {
    return !name.contains("/") || name.contains("kubernetes.io/");
  }

  private static boolean extended(String name) {
    return !nativeResource(name) && !name.startsWith("requests.") && NameRules.qualifiedName("requests." + name).isEmpty();
  }

  private static boolean overcommitAllowed(String name) {
    return nativeResource(name) && !name.startsWith("hugepages-");
  }

  private static boolean integerResource(String name) {
    return INTEGER_RESOURCES.contains(name) || extended(name);
  }
}
