package dev.aiinfra.conformance.dra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.conformance.Area;
import dev.aiinfra.conformance.Case;
import dev.aiinfra.conformance.Divergence;
import dev.aiinfra.conformance.Outcome;
import dev.aiinfra.core.model.profile.FeatureGate;
import dev.aiinfra.core.render.ManifestWriter;
import dev.aiinfra.dra.model.ResourceClaimSpec;
import dev.aiinfra.dra.render.DraManifests;
import dev.aiinfra.dra.policy.DraGenerators;
import dev.aiinfra.dra.policy.DraGenerators.DraClusterCase;
import dev.aiinfra.dra.policy.DraGenerators.PodClaimRef;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodResourceClaim;
import io.fabric8.kubernetes.api.model.PodResourceClaimBuilder;
import io.fabric8.kubernetes.api.model.ResourceClaim;
import io.fabric8.kubernetes.api.model.ResourceClaimBuilder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * {@code dra allocate} against kube-scheduler's structured allocator
 * ({@code k8s.io/dynamic-resource-allocation/structured}, incubating): clusters of up to three
 * nodes with node-local, zone-selected, all-node and per-device-selected pools, counters, consumable
 * capacity, taints, binding conditions, allocated claims (dedicated, admin, shared), and one pod's
 * claims (or free claims) with every request shape; across versions and feature gates.
 */
public final class DraAllocateArea implements Area {
  static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final List<String> GATES = List.of("DRAPrioritizedList", "DRAAdminAccess", "DRADeviceTaints", "DRAPartitionableDevices",
      "DRAConsumableCapacity", "DRADeviceBindingConditions");

  @Override
  public String name() {
    return "DRA";
  }

  @Override
  public Case generate(long caseSeed, String id) {
    SplittableRandom r = new SplittableRandom(caseSeed);
    DraClusterCase c = DraGenerators.clusters(3, 8, r.nextInt(4) == 0 ? 3 : 2, r.nextInt(4) == 0 ? 3 : 2).next(r);
    List<HasMetadata> objects = new ArrayList<>();
    for (String n : c.nodeObjects()) {
      objects.add(new NodeBuilder().withNewMetadata().withName(n).withLabels(c.nodes().get(n)).endMetadata().build());
    }
    c.classes().forEach(x -> objects.add(DraManifests.deviceClass(x)));
    c.slices().forEach(x -> objects.add(DraManifests.resourceSlice(x)));
    List<ResourceClaimSpec> claims = new ArrayList<>(c.claims());
    // allocated claims interleave with the pending ones (input order of pending claims is kept)
    for (ResourceClaimSpec a : c.allocated()) {
      claims.add(r.nextInt(claims.size() + 1), a);
    }
    claims.forEach(x -> objects.add(DraManifests.resourceClaim(x)));
    c.templates().forEach(x -> objects.add(DraManifests.resourceClaimTemplate(x)));
    c.podClaims().ifPresent(refs -> {
      List<PodResourceClaim> entries = new ArrayList<>();
      List<io.fabric8.kubernetes.api.model.ResourceClaim> uses = new ArrayList<>();
      for (PodClaimRef ref : refs) {
        PodResourceClaimBuilder b = new PodResourceClaimBuilder().withName(ref.entry());
        entries.add(ref.template() ? b.withResourceClaimTemplateName(ref.claim()).build() : b.withResourceClaimName(ref.claim()).build());
        uses.add(new ResourceClaimBuilder().withName(ref.entry()).build());
      }
      objects.add(new PodBuilder().withNewMetadata().withName("pod").withNamespace("default").endMetadata()
          .withNewSpec().withResourceClaims(entries)
          .withContainers(new ContainerBuilder().withName("main").withImage("registry.example/app:1").withNewResources().withClaims(uses).endResources().build())
          .endSpec().build());
    });
    List<String> args = new ArrayList<>(List.of("dra", "allocate", "-f", "input.yaml", "-o", "json"));
    if (r.nextInt(5) == 0) {
      List<String> names = new ArrayList<>(c.nodes().keySet());
      args.addAll(List.of("--node", r.nextInt(8) == 0 ? "node-9" : names.get(r.nextInt(names.size()))));
    }
    if (r.nextBoolean()) {
      args.addAll(List.of("--kubernetes-version", List.of("1.34", "1.35", "1.36", "1.37").get(r.nextInt(4))));
    }
    if (r.nextBoolean()) {
      List<String> set = new ArrayList<>();
      for (String g : GATES) {
        if (r.nextInt(3) == 0) {
          set.add(g + "=" + (r.nextInt(3) > 0));
        }
      }
      if (!set.isEmpty()) {
        args.addAll(List.of("--feature-gates", String.join(",", set)));
      }
    }
    return new Case(id, caseSeed, args, Map.of("input.yaml", ManifestWriter.yaml(objects)));
  }

  @Override
  public JsonNode project(Case c, Outcome o) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("exit", o.exit());
    if (o.exit() != 0 && o.exit() != 1) {
      return n;
    }
    JsonNode j = o.json();
    n.set("satisfiable", j.path("satisfiable"));
    n.set("node", j.path("node"));
    n.set("feasibleNodes", j.path("feasibleNodes"));
    n.put("error", j.path("error").path("kind").asText(""));
    ArrayNode claims = n.putArray("claims");
    for (JsonNode claim : j.path("claims")) {
      ObjectNode cn = claims.addObject();
      cn.set("name", claim.path("name"));
      cn.set("namespace", claim.path("namespace"));
      ArrayNode results = cn.putArray("results");
      for (JsonNode res : claim.path("results")) {
        ObjectNode rn = res.deepCopy();
        // Share IDs are fresh random UUIDs upstream (uuid.NewUUID); ours are name-based: compare the form.
        if (rn.has("shareID")) {
          rn.put("shareID", UUID.matcher(rn.get("shareID").asText()).matches() ? "<uuid>" : rn.get("shareID").asText());
        }
        results.add(rn);
      }
      if (claim.has("nodeSelector") && !claim.get("nodeSelector").isNull()) {
        cn.set("nodeSelector", withoutEmpty(claim.get("nodeSelector").deepCopy()));
      }
    }
    return n;
  }

  /** Drops empty arrays and nulls (fabric8 and Go omit different empty fields). */
  static JsonNode withoutEmpty(JsonNode node) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        withoutEmpty(e.getValue());
        if (e.getValue().isNull() || (e.getValue().isArray() && e.getValue().isEmpty()) || (e.getValue().isObject() && e.getValue().isEmpty())) {
          it.remove();
        }
      }
    } else if (node.isArray()) {
      node.forEach(DraAllocateArea::withoutEmpty);
    }
    return node;
  }

  private static final String ALLOCATOR = "https://github.com/kubernetes/dynamic-resource-allocation/blob/v0.36.3/structured/internal/incubating/allocator_incubating.go";

  @Override
  public List<Divergence> divergences() {
    return List.of(
        new Divergence("counters-keyed-by-pool-name",
            "upstream caches available and consumed counters by pool name only, so equally named pools of two drivers share counters; the SDK keys them by (driver, pool)",
            ALLOCATOR + "#L1553",
            (c, ours, upstream) -> {
              DraCaseFacts f = new DraCaseFacts(c);
              // Upstream searched to the end (no fatal error). Ours either did too, or went further
              // with the counters upstream wrongly saw as used up and reached an All-mode device whose
              // constraint fails (fatal "claim constraint would not be satisfied").
              if (!f.enabled(FeatureGate.DRAPartitionableDevices) || !f.poolNameSharedByDriversWithCounters()
                  || !upstream.json().path("error").isMissingNode()) {
                return false;
              }
              JsonNode error = ours.json().path("error");
              return error.isMissingNode() || error.path("message").asText().contains("a claim constraint would not be satisfied");
            }),
        new Divergence("distinct-attribute-one-value-per-request",
            "upstream's distinctAttribute remembers one value per request, so with several devices per request and backtracking a duplicate slips through; the SDK keeps every device's value",
            "https://github.com/kubernetes/dynamic-resource-allocation/blob/v0.36.3/structured/internal/incubating/constraint.go#L44",
            (c, ours, upstream) -> {
              DraCaseFacts f = new DraCaseFacts(c);
              if (!f.distinctOverMultiDeviceRequest()) {
                return false;
              }
              // Either upstream hands out the duplicate, or (All mode) it takes every device without
              // noticing one and fails later, where ours stops with the constraint as a fatal error.
              boolean upstreamDuplicates = f.allocationRepeatsADistinctValue(upstream.json()) && !f.allocationRepeatsADistinctValue(ours.json());
              boolean oursStopsOnIt = upstream.json().path("error").isMissingNode()
                  && ours.json().path("error").path("message").asText().contains("a claim constraint would not be satisfied (distinctAttribute");
              return upstreamDuplicates || oursStopsOnIt;
            }),
        new Divergence("distinct-attribute-needs-consumable-capacity",
            "with DRAConsumableCapacity off the API server drops distinctAttribute (leaving an empty, invalid constraint) and the stable allocator rejects it; the SDK reports it as fatal, while the incubating allocator evaluates it anyway",
            "https://github.com/kubernetes/kubernetes/blob/v1.36.3/pkg/api/resourceclaimspec/util.go#L139",
            (c, ours, upstream) -> {
              DraCaseFacts f = new DraCaseFacts(c);
              return !f.enabled(FeatureGate.DRAConsumableCapacity) && f.pendingDistinctAttribute()
                  && ours.json().path("error").path("message").asText().contains("distinctAttribute needs the DRAConsumableCapacity feature gate");
            }));
  }
}
