package dev.aiinfra.conformance.dra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.aiinfra.conformance.Case;
import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.profile.FeatureGate;
import dev.aiinfra.core.model.profile.KubernetesVersion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the divergence predicates read from a case: its documents and the effective feature gates. */
final class DraCaseFacts {
  private static final YAMLMapper YAML = new YAMLMapper();

  final List<JsonNode> docs = new ArrayList<>();
  final Optional<ClusterProfile> profile;

  DraCaseFacts(Case c) {
    for (Map.Entry<String, String> f : c.files().entrySet()) {
      try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(f.getValue())) {
        while (it.hasNext()) {
          JsonNode d = it.next();
          if (d != null && d.isObject()) {
            docs.add(d);
          }
        }
      } catch (IOException | RuntimeException e) {
        // not YAML: no facts
      }
    }
    String version = null;
    String gates = null;
    for (int i = 0; i + 1 < c.args().size(); i++) {
      if (c.args().get(i).equals("--kubernetes-version")) {
        version = c.args().get(i + 1);
      } else if (c.args().get(i).equals("--feature-gates")) {
        gates = c.args().get(i + 1);
      }
    }
    Optional<ClusterProfile> p;
    try {
      ClusterProfile base = version == null ? ClusterProfile.defaults() : ClusterProfile.of(KubernetesVersion.parse(version));
      p = Optional.of(gates == null ? base : base.withFeatureGates(gates));
    } catch (RuntimeException e) {
      p = Optional.empty();
    }
    this.profile = p;
  }

  boolean enabled(FeatureGate g) {
    return profile.map(p -> p.isEnabled(g)).orElse(false);
  }

  List<JsonNode> kind(String kind) {
    return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
  }

  /** Claim specs the command allocates: claims without status.allocation, and every template. */
  List<JsonNode> pendingClaimSpecs() {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode c : kind("ResourceClaim")) {
      if (c.path("status").path("allocation").isMissingNode()) {
        out.add(c.path("spec"));
      }
    }
    for (JsonNode t : kind("ResourceClaimTemplate")) {
      out.add(t.path("spec").path("spec"));
    }
    return out;
  }

  /** A pool name published by two or more drivers, where some device of that name's pools consumes counters. */
  boolean poolNameSharedByDriversWithCounters() {
    Map<String, Set<String>> drivers = new HashMap<>();
    Set<String> withCounters = new HashSet<>();
    for (JsonNode s : kind("ResourceSlice")) {
      String pool = s.path("spec").path("pool").path("name").asText();
      drivers.computeIfAbsent(pool, k -> new HashSet<>()).add(s.path("spec").path("driver").asText());
      for (JsonNode d : s.path("spec").path("devices")) {
        if (d.path("consumesCounters").size() > 0) {
          withCounters.add(pool);
        }
      }
    }
    return withCounters.stream().anyMatch(p -> drivers.get(p).size() > 1);
  }

  /** A pending claim with a distinctAttribute constraint. */
  boolean pendingDistinctAttribute() {
    for (JsonNode spec : pendingClaimSpecs()) {
      for (JsonNode c : spec.path("devices").path("constraints")) {
        if (c.hasNonNull("distinctAttribute")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A pending claim whose distinctAttribute constraint covers a request (or subrequest) asking for
   * more than one device: count &gt; 1 or All mode.
   */
  boolean distinctOverMultiDeviceRequest() {
    for (JsonNode spec : pendingClaimSpecs()) {
      JsonNode requests = spec.path("devices").path("requests");
      for (JsonNode c : spec.path("devices").path("constraints")) {
        if (!c.hasNonNull("distinctAttribute")) {
          continue;
        }
        Set<String> covered = new HashSet<>();
        c.path("requests").forEach(x -> covered.add(x.asText()));
        for (JsonNode r : requests) {
          String name = r.path("name").asText();
          if (r.has("exactly")) {
            if ((covered.isEmpty() || covered.contains(name)) && multi(r.get("exactly"))) {
              return true;
            }
          }
          for (JsonNode sub : r.path("firstAvailable")) {
            String ref = name + "/" + sub.path("name").asText();
            if ((covered.isEmpty() || covered.contains(name) || covered.contains(ref)) && multi(sub)) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  private static boolean multi(JsonNode exact) {
    return "All".equals(exact.path("allocationMode").asText()) || exact.path("count").asLong(1) > 1;
  }

  /**
   * Whether {@code answer} (an allocation) gives some claim two devices with the same value of an
   * attribute that one of the claim's distinctAttribute constraints covers them by.
   */
  boolean allocationRepeatsADistinctValue(JsonNode answer) {
    Map<String, JsonNode> specs = new HashMap<>();
    for (JsonNode c : kind("ResourceClaim")) {
      specs.put(c.path("metadata").path("name").asText(), c.path("spec"));
    }
    Map<String, JsonNode> templates = new HashMap<>();
    for (JsonNode t : kind("ResourceClaimTemplate")) {
      templates.put(t.path("metadata").path("name").asText(), t.path("spec").path("spec"));
    }
    for (JsonNode p : kind("Pod")) {
      for (JsonNode e : p.path("spec").path("resourceClaims")) {
        if (e.has("resourceClaimTemplateName")) {
          specs.put(p.path("metadata").path("name").asText() + "-" + e.path("name").asText(), templates.get(e.path("resourceClaimTemplateName").asText()));
        }
      }
    }
    for (JsonNode claim : answer.path("claims")) {
      JsonNode spec = specs.get(claim.path("name").asText());
      if (spec == null) {
        continue;
      }
      for (JsonNode c : spec.path("devices").path("constraints")) {
        if (!c.hasNonNull("distinctAttribute")) {
          continue;
        }
        String attribute = c.get("distinctAttribute").asText();
        Set<String> covered = new HashSet<>();
        c.path("requests").forEach(x -> covered.add(x.asText()));
        Set<String> seen = new HashSet<>();
        for (JsonNode r : claim.path("results")) {
          String request = r.path("request").asText();
          String parent = request.contains("/") ? request.substring(0, request.indexOf('/')) : request;
          if (!covered.isEmpty() && !covered.contains(request) && !covered.contains(parent)) {
            continue;
          }
          JsonNode value = attribute(r.path("driver").asText(), r.path("pool").asText(), r.path("device").asText(), attribute);
          if (value != null && !seen.add(value.toString())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The device's attribute value by the allocator's lookup: the exact name, else the id when the domain is the driver. */
  private JsonNode attribute(String driver, String pool, String device, String name) {
    for (JsonNode s : kind("ResourceSlice")) {
      if (!s.path("spec").path("driver").asText().equals(driver) || !s.path("spec").path("pool").path("name").asText().equals(pool)) {
        continue;
      }
      for (JsonNode d : s.path("spec").path("devices")) {
        if (!d.path("name").asText().equals(device)) {
          continue;
        }
        JsonNode attrs = d.path("attributes");
        if (attrs.has(name)) {
          return attrs.get(name);
        }
        int slash = name.indexOf('/');
        if (slash > 0 && name.substring(0, slash).equals(driver) && attrs.has(name.substring(slash + 1))) {
          return attrs.get(name.substring(slash + 1));
        }
      }
    }
    return null;
  }
}
