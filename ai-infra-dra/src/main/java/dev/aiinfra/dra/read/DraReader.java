package dev.aiinfra.dra.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.json.Json;
import dev.aiinfra.core.model.FieldErrorType;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.node.NodeSelectorOperator;
import dev.aiinfra.core.model.node.NodeSelectorRequirement;
import dev.aiinfra.core.model.node.NodeSelectorTerm;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.core.model.quantity.QuantityField;
import dev.aiinfra.core.model.validation.Violations;
import dev.aiinfra.dra.model.AllocationMode;
import dev.aiinfra.dra.model.AllocationResult;
import dev.aiinfra.dra.model.AttributeValue;
import dev.aiinfra.dra.model.CounterConsumption;
import dev.aiinfra.dra.model.CounterSet;
import dev.aiinfra.dra.model.Device;
import dev.aiinfra.dra.model.DeviceCapacity;
import dev.aiinfra.dra.model.DeviceClaim;
import dev.aiinfra.dra.model.DeviceClassSpec;
import dev.aiinfra.dra.model.DeviceConstraint;
import dev.aiinfra.dra.model.DeviceRequest;
import dev.aiinfra.dra.model.DeviceResult;
import dev.aiinfra.dra.model.DeviceSelection;
import dev.aiinfra.dra.model.DeviceSubRequest;
import dev.aiinfra.dra.model.DeviceTaint;
import dev.aiinfra.dra.model.DeviceToleration;
import dev.aiinfra.dra.model.OpaqueConfig;
import dev.aiinfra.dra.model.RequestPolicy;
import dev.aiinfra.dra.model.ResourceClaimSpec;
import dev.aiinfra.dra.model.ResourceSliceSpec;
import dev.aiinfra.core.read.DuplicateObjects;
import dev.aiinfra.core.read.InputError;
import dev.aiinfra.core.render.ObjectTrees;
import dev.aiinfra.core.read.ManifestReadException;
import dev.aiinfra.core.read.SourcedObject;
import dev.aiinfra.core.read.ClusterModelReader;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceAttribute;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClass;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceRequestAllocationResult;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceSelector;
import io.fabric8.kubernetes.api.model.resource.v1.ExactDeviceRequest;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplate;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceSlice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Reads {@code resource.k8s.io} objects (and Pods and Nodes) from manifests into the DRA value
 * types: {@code v1}, and {@code v1beta2} and {@code v1beta1} converted to {@code v1} as the API
 * server converts them ({@link ResourceApiVersions}). Every violation is collected with its file,
 * document and field path (in the shape of the version written); nothing is returned unless all
 * objects are valid.
 */
public final class DraReader {
  private static final ObjectMapper TREES = Json.mapper();
  private final List<InputError> errors = new ArrayList<>();
  /** The current object's violations, paths from its root. */
  private final List<FieldViolation> found = new ArrayList<>();
  private SourcedObject current;

  private DraReader() {}

  /** The DRA inputs in {@code objects}; throws {@link ManifestReadException} listing every problem. */
  public static DraInputs read(List<SourcedObject> objects) {
    DraReader r = new DraReader();
    r.errors.addAll(DuplicateObjects.find(objects));
    DraInputs.Builder b = DraInputs.builder();
    List<Pod> pods = new ArrayList<>();
    Map<String, SourcedObject> podOrigins = new java.util.HashMap<>();
    Map<String, SourcedObject> nodeOrigins = new java.util.HashMap<>();
    Map<SourcedObject, SourcedObject> repeats = DuplicateObjects.repeats(objects);
    for (SourcedObject o : objects) {
      r.current = o;
      r.found.clear();
      HasMetadata m = r.asV1(o.object());
      if (m == null) {
        // refused by asV1 (a DRA kind at a version not read)
      } else if (m instanceof ResourceSlice s) {
        r.attempt(FieldPath.root(), () -> r.slice(s)).ifPresent(b::addSlices);
      } else if (m instanceof DeviceClass c) {
        r.attempt(FieldPath.root(), () -> r.deviceClass(c)).ifPresent(b::addClasses);
      } else if (m instanceof ResourceClaim c) {
        r.attempt(FieldPath.root(), () -> r.claim(c)).ifPresent(b::addClaims);
      } else if (m instanceof ResourceClaimTemplate t) {
        r.attempt(FieldPath.root(), () -> r.template(t)).ifPresent(b::addTemplates);
      } else if (m instanceof Node n) {
        // read as every command reads a Node (the one cluster model's reader)
        SourcedObject earlier = nodeOrigins.putIfAbsent(n.getMetadata().getName(), o);
        if (earlier != null) {
          // a cluster-scoped Node written twice under different namespaces is still one node (the same
          // namespace twice is already a duplicate object)
          if (!repeats.containsKey(o)) {
            r.found.add(FieldViolation.of(FieldPath.of("metadata.name"), FieldErrorType.Duplicate, n.getMetadata().getName(),
                DuplicateObjects.detail(earlier)));
          }
        } else {
          r.attempt(FieldPath.root(), () -> ClusterModelReader.node(n)).ifPresent(b::addClusterNode);
        }
      } else if (m instanceof Pod p) {
        pods.add(p);
        podOrigins.put(Objects.requireNonNullElse(p.getMetadata().getNamespace(), "default") + "/" + p.getMetadata().getName(), o);
        r.pod(p).ifPresent(b::addPods);
      } else {
        r.found.add(FieldViolation.of(FieldPath.of("kind"), FieldErrorType.NotSupported, m.getKind(),
            "dra takes ResourceSlice, DeviceClass, ResourceClaim and ResourceClaimTemplate (" + ResourceApiVersions.describe()
                + "), Pod and Node objects"));
      }
      HasMetadata written = o.object();
      r.found.forEach(v -> r.errors.add(o.error(
          ResourceApiVersions.pathIn(written.getApiVersion(), written.getKind(), v.field()), v.message())));
    }
    if (!r.errors.isEmpty()) {
      throw new ManifestReadException(r.errors);
    }
    DraInputs inputs = b.build();
    List<InputError> refs = inputs.checkReferences(podOrigins);
    if (!refs.isEmpty()) {
      throw new ManifestReadException(refs);
    }
    return inputs;
  }

  /**
   * The DRA API rules {@code dra allocate} applies to one object on its own (a ResourceSlice,
   * DeviceClass, ResourceClaim, ResourceClaimTemplate, or a Pod's {@code spec.resourceClaims}),
   * with paths from the object's root; empty for other kinds. References between objects are not
   * checked: they need the whole input.
   */
  public static List<FieldViolation> check(HasMetadata written) {
    DraReader r = new DraReader();
    r.current = new SourcedObject("", 0, written);
    HasMetadata m = r.asV1(written);
    if (m == null) {
      // refused by asV1
    } else if (m instanceof ResourceSlice s) {
      r.attempt(FieldPath.root(), () -> r.slice(s));
    } else if (m instanceof DeviceClass c) {
      r.attempt(FieldPath.root(), () -> r.deviceClass(c));
    } else if (m instanceof ResourceClaim c) {
      r.attempt(FieldPath.root(), () -> r.claim(c));
    } else if (m instanceof ResourceClaimTemplate t) {
      r.attempt(FieldPath.root(), () -> r.template(t));
    } else if (m instanceof Pod p) {
      r.pod(p);
    }
    return r.found.stream().map(v -> at(v, ResourceApiVersions.pathIn(written.getApiVersion(), written.getKind(), v.field()))).toList();
  }

  /** {@code v} at another field path (the same violation in the shape of the version the object was written in). */
  static FieldViolation at(FieldViolation v, String field) {
    if (field.equals(v.field())) {
      return v;
    }
    return v.badValue().isPresent() ? FieldViolation.of(FieldPath.of(field), v.type(), v.badValue().get(), v.detail())
        : FieldViolation.of(FieldPath.of(field), v.type(), v.detail());
  }

  /**
   * A DRA kind as its {@code resource.k8s.io/v1} type: v1 as it is, v1beta2 and v1beta1 converted
   * ({@link ResourceApiVersions}); {@code null}, with a violation at {@code apiVersion}, for a DRA
   * kind at any other version or group. Other kinds are returned as they are.
   */
  private HasMetadata asV1(HasMetadata m) {
    if (!ResourceApiVersions.isDraKind(m.getKind())) {
      return m;
    }
    Class<? extends HasMetadata> v1 = ResourceApiVersions.V1_TYPES.get(m.getKind());
    String apiVersion = m.getApiVersion();
    if (!ResourceApiVersions.isRead(apiVersion)) {
      found.add(FieldViolation.of(FieldPath.of("apiVersion"), FieldErrorType.NotSupported, apiVersion,
          "dra reads " + m.getKind() + " at " + ResourceApiVersions.describe() + " (v1beta2 and v1beta1 are converted to v1 as the API server does)"));
      return null;
    }
    if (v1.isInstance(m)) {
      return m;
    }
    ObjectNode tree = TREES.valueToTree(m);
    try {
      return ObjectTrees.bind(ResourceApiVersions.toV1(tree).orElseThrow(), v1);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      found.add(FieldViolation.of(FieldPath.root(), FieldErrorType.Invalid, "does not convert to " + ResourceApiVersions.GROUP + "/v1 " + m.getKind()));
      return null;
    }
  }

  private <T> java.util.Optional<T> attempt(FieldPath prefix, Supplier<T> build) {
    try {
      return java.util.Optional.ofNullable(build.get());
    } catch (InvalidSpecException e) {
      for (FieldViolation v : e.violations()) {
        found.add(prefix.isRoot() ? v : v.under(prefix));
      }
    } catch (IllegalArgumentException e) {
      found.add(FieldViolation.of(prefix, FieldErrorType.Invalid, String.valueOf(e.getMessage())));
    }
    return java.util.Optional.empty();
  }

  private <T> T required(T value, FieldPath path) {
    if (value == null) {
      throw new InvalidSpecException(List.of(FieldViolation.required(path, "")));
    }
    return value;
  }

  private ResourceSliceSpec slice(ResourceSlice s) {
    var spec = required(s.getSpec(), FieldPath.of("spec"));
    var pool = required(spec.getPool(), FieldPath.of("spec.pool"));
    ResourceSliceSpec.Builder b = ResourceSliceSpec.builder()
        .name(s.getMetadata().getName())
        .driver(Objects.requireNonNullElse(spec.getDriver(), ""))
        .pool(Objects.requireNonNullElse(pool.getName(), ""));
    if (pool.getName() == null || pool.getName().isEmpty()) {
      throw new InvalidSpecException(List.of(FieldViolation.required(FieldPath.of("spec.pool.name"), "")));
    }
    // An omitted generation is 0 (the API's zero value), not the builder's default.
    b.generation(pool.getGeneration() != null ? pool.getGeneration() : 0L);
    b.resourceSliceCount(required(pool.getResourceSliceCount(), FieldPath.of("spec.pool.resourceSliceCount")));
    if (spec.getNodeName() != null) {
      b.nodeName(spec.getNodeName());
    }
    if (spec.getNodeSelector() != null) {
      attempt(FieldPath.of("spec.nodeSelector"), () -> nodeSelector(spec.getNodeSelector())).ifPresent(b::nodeSelector);
    }
    b.allNodes(Boolean.TRUE.equals(spec.getAllNodes()));
    b.perDeviceNodeSelection(Boolean.TRUE.equals(spec.getPerDeviceNodeSelection()));
    List<io.fabric8.kubernetes.api.model.resource.v1.Device> devices = orEmpty(spec.getDevices());
    for (int i = 0; i < devices.size(); i++) {
      io.fabric8.kubernetes.api.model.resource.v1.Device d = devices.get(i);
      attempt(FieldPath.of("spec.devices").index(i), () -> device(d)).ifPresent(b::addDevices);
    }
    List<io.fabric8.kubernetes.api.model.resource.v1.CounterSet> sets = orEmpty(spec.getSharedCounters());
    for (int i = 0; i < sets.size(); i++) {
      var cs = sets.get(i);
      FieldPath at = FieldPath.of("spec.sharedCounters").index(i);
      attempt(FieldPath.root(), () -> CounterSet.of(required(cs.getName(), at.child("name")), counters(cs.getCounters(), at.child("counters"))))
          .ifPresent(b::addSharedCounters);
    }
    return b.build();
  }

  private Device device(io.fabric8.kubernetes.api.model.resource.v1.Device d) {
    Device.Builder b = Device.builder().name(Objects.requireNonNullElse(d.getName(), ""));
    List<FieldViolation> bad = new ArrayList<>();
    orEmpty(d.getAttributes()).forEach((k, v) -> {
      AttributeValue a = attribute(v);
      if (a == null) {
        bad.add(FieldViolation.invalid(FieldPath.of("attributes").key(k), "", "exactly one value must be specified"));
      } else {
        b.putAttribute(k, a);
      }
    });
    if (!bad.isEmpty()) {
      throw new InvalidSpecException(bad);
    }
    orEmpty(d.getCapacity()).forEach((k, v) -> {
      FieldPath at = FieldPath.of("capacity").key(k);
      Quantity value = quantity(v == null ? null : v.getValue(), at.child("value"));
      b.putCapacity(k, v == null || v.getRequestPolicy() == null ? DeviceCapacity.of(value)
          : DeviceCapacity.of(value, policy(v.getRequestPolicy(), at.child("requestPolicy"))));
    });
    var consumes = orEmpty(d.getConsumesCounters());
    List<FieldViolation> badCounters = new ArrayList<>();
    for (int i = 0; i < consumes.size(); i++) {
      var cc = consumes.get(i);
      FieldPath at = FieldPath.of("consumesCounters").index(i);
      if (cc.getCounterSet() == null || cc.getCounterSet().isEmpty()) {
        badCounters.add(FieldViolation.required(at.child("counterSet"), ""));
      }
      try {
        Map<String, Quantity> counters = counters(cc.getCounters(), at.child("counters"));
        if (cc.getCounterSet() != null && !cc.getCounterSet().isEmpty()) {
          b.addConsumesCounters(CounterConsumption.of(cc.getCounterSet(), counters));
        }
      } catch (InvalidSpecException e) {
        badCounters.addAll(e.violations());
      }
    }
    if (!badCounters.isEmpty()) {
      throw new InvalidSpecException(badCounters);
    }
    if (d.getNodeName() != null) {
      b.nodeName(d.getNodeName());
    }
    if (d.getNodeSelector() != null) {
      b.nodeSelector(nodeSelector(d.getNodeSelector()));
    }
    b.allNodes(Boolean.TRUE.equals(d.getAllNodes()));
    for (var t : orEmpty(d.getTaints())) {
      b.addTaints(DeviceTaint.of(Objects.requireNonNullElse(t.getKey(), ""), Objects.requireNonNullElse(t.getValue(), ""), Objects.requireNonNullElse(t.getEffect(), "")));
    }
    b.bindsToNode(Boolean.TRUE.equals(d.getBindsToNode()));
    b.addAllBindingConditions(orEmpty(d.getBindingConditions()));
    b.addAllBindingFailureConditions(orEmpty(d.getBindingFailureConditions()));
    b.allowMultipleAllocations(Boolean.TRUE.equals(d.getAllowMultipleAllocations()));
    return b.build();
  }

  private Map<String, Quantity> counters(Map<String, io.fabric8.kubernetes.api.model.resource.v1.Counter> in, FieldPath at) {
    if (in == null || in.isEmpty()) {
      throw new InvalidSpecException(List.of(FieldViolation.required(at, "")));
    }
    Map<String, Quantity> counters = new LinkedHashMap<>();
    // The API's value is a non-pointer Quantity: an omitted one decodes as 0 and passes validation.
    orEmpty(in).forEach((k, v) -> counters.put(k, quantity(v == null ? null : v.getValue(), at.key(k).child("value"))));
    return counters;
  }

  private static AttributeValue attribute(DeviceAttribute a) {
    int set = (a.getInt() != null ? 1 : 0) + (a.getBool() != null ? 1 : 0) + (a.getString() != null ? 1 : 0) + (a.getVersion() != null ? 1 : 0);
    if (set != 1) {
      return null;
    }
    if (a.getInt() != null) {
      return AttributeValue.ofInt(a.getInt());
    }
    if (a.getBool() != null) {
      return AttributeValue.ofBool(a.getBool());
    }
    return a.getString() != null ? AttributeValue.ofString(a.getString()) : AttributeValue.ofVersion(a.getVersion());
  }

  private static RequestPolicy policy(io.fabric8.kubernetes.api.model.resource.v1.CapacityRequestPolicy p, FieldPath at) {
    RequestPolicy.Builder b = RequestPolicy.builder();
    if (p.getDefault() != null) {
      b.defaultValue(quantity(p.getDefault(), at.child("default")));
    }
    if (p.getValidRange() != null) {
      var r = p.getValidRange();
      FieldPath range = at.child("validRange");
      if (r.getMin() != null) {
        b.min(quantity(r.getMin(), range.child("min")));
      }
      if (r.getMax() != null) {
        b.max(quantity(r.getMax(), range.child("max")));
      }
      if (r.getStep() != null) {
        Quantity step = quantity(r.getStep(), range.child("step"));
        if (step.signum() <= 0) {
          // The API server's own check divides by the step: a zero step crashes it (500) instead of being refused.
          throw new InvalidSpecException(List.of(FieldViolation.invalid(range.child("step"), step, "must be greater than zero")));
        }
        b.step(step);
      }
    }
    List<io.fabric8.kubernetes.api.model.Quantity> values = orEmpty(p.getValidValues());
    for (int i = 0; i < values.size(); i++) {
      b.addValidValues(quantity(values.get(i), at.child("validValues").index(i)));
    }
    return b.build();
  }

  private DeviceClassSpec deviceClass(DeviceClass c) {
    // spec is a struct in the API: omitted, it is empty (no selectors, no config).
    var spec = c.getSpec() != null ? c.getSpec() : new io.fabric8.kubernetes.api.model.resource.v1.DeviceClassSpec();
    DeviceClassSpec.Builder b = DeviceClassSpec.builder().name(c.getMetadata().getName());
    b.addAllSelectors(selectors(spec.getSelectors(), FieldPath.of("spec.selectors")));
    for (var cfg : orEmpty(spec.getConfig())) {
      if (cfg.getOpaque() != null) {
        b.addConfig(opaque(List.of(), cfg.getOpaque()));
      }
    }
    if (spec.getExtendedResourceName() != null) {
      b.extendedResourceName(spec.getExtendedResourceName());
    }
    return b.build();
  }

  private ResourceClaimSpec claim(ResourceClaim c) {
    // spec is a struct in the API: omitted, the claim asks for no devices.
    var spec = c.getSpec() != null ? c.getSpec() : new io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimSpec();
    ResourceClaimSpec.Builder b = ResourceClaimSpec.builder().name(c.getMetadata().getName());
    if (c.getMetadata().getNamespace() != null) {
      b.namespace(c.getMetadata().getNamespace());
    }
    if (c.getMetadata().getLabels() != null) {
      b.putAllLabels(c.getMetadata().getLabels());
    }
    b.devices(devices(spec.getDevices(), FieldPath.of("spec.devices")));
    if (c.getStatus() != null && c.getStatus().getAllocation() != null) {
      b.allocation(allocation(c.getStatus().getAllocation()));
    }
    return b.build();
  }

  private ResourceClaimSpec template(ResourceClaimTemplate t) {
    var spec = t.getSpec() != null ? t.getSpec() : new io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplateSpec();
    var inner = spec.getSpec() != null ? spec.getSpec() : new io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimSpec();
    ResourceClaimSpec.Builder b = ResourceClaimSpec.builder().name(t.getMetadata().getName()).template(true);
    if (t.getMetadata().getNamespace() != null) {
      b.namespace(t.getMetadata().getNamespace());
    }
    if (spec.getMetadata() != null && spec.getMetadata().getLabels() != null) {
      b.putAllLabels(spec.getMetadata().getLabels());
    }
    return b.devices(devices(inner.getDevices(), FieldPath.of("spec.spec.devices"))).build();
  }

  private DeviceClaim devices(io.fabric8.kubernetes.api.model.resource.v1.DeviceClaim d, FieldPath path) {
    DeviceClaim.Builder b = DeviceClaim.builder();
    if (d == null) {
      return b.build();
    }
    List<FieldViolation> bad = new ArrayList<>();
    List<io.fabric8.kubernetes.api.model.resource.v1.DeviceRequest> requests = orEmpty(d.getRequests());
    for (int i = 0; i < requests.size(); i++) {
      FieldPath at = path.child("requests").index(i);
      var r = requests.get(i);
      try {
        b.addRequests(request(r, at));
      } catch (InvalidSpecException e) {
        e.violations().forEach(v -> bad.add(v.field().startsWith(at.toString()) ? v : v.under(at)));
      }
    }
    List<io.fabric8.kubernetes.api.model.resource.v1.DeviceConstraint> constraints = orEmpty(d.getConstraints());
    for (int i = 0; i < constraints.size(); i++) {
      var c = constraints.get(i);
      try {
        b.addConstraints(DeviceConstraint.builder()
            .addAllRequests(orEmpty(c.getRequests()))
            .matchAttribute(java.util.Optional.ofNullable(c.getMatchAttribute()))
            .distinctAttribute(java.util.Optional.ofNullable(c.getDistinctAttribute())).build());
      } catch (InvalidSpecException e) {
        FieldPath at = path.child("constraints").index(i);
        e.violations().forEach(v -> bad.add(v.under(at)));
      }
    }
    for (var cfg : orEmpty(d.getConfig())) {
      if (cfg.getOpaque() != null) {
        b.addConfig(opaque(orEmpty(cfg.getRequests()), cfg.getOpaque()));
      }
    }
    if (!bad.isEmpty()) {
      throw new InvalidSpecException(bad);
    }
    try {
      return b.build();
    } catch (InvalidSpecException e) {
      throw new InvalidSpecException(e.violations().stream().map(v -> v.field().startsWith("spec") ? v : v.under(path)).toList());
    }
  }

  private DeviceRequest request(io.fabric8.kubernetes.api.model.resource.v1.DeviceRequest r, FieldPath at) {
    String name = Objects.requireNonNullElse(r.getName(), "");
    List<FieldViolation> bad = new ArrayList<>();
    for (String problem : dev.aiinfra.core.model.validation.NameRules.dns1123Label(name)) {
      bad.add(FieldViolation.invalid(at.child("name"), name, problem));
    }
    if ((r.getExactly() == null) == orEmpty(r.getFirstAvailable()).isEmpty()) {
      throw new InvalidSpecException(List.of(FieldViolation.invalid(at, name, "exactly one of `exactly` or `firstAvailable` is required")));
    }
    if (r.getExactly() != null) {
      ExactDeviceRequest e = r.getExactly();
      try {
        if (!bad.isEmpty()) {
          selection(e.getDeviceClassName(), e.getSelectors(), e.getAllocationMode(), e.getCount(),
              Boolean.TRUE.equals(e.getAdminAccess()), e.getTolerations(), e.getCapacity());
          throw new InvalidSpecException(bad);
        }
        return DeviceRequest.exactly(name, selection(e.getDeviceClassName(), e.getSelectors(), e.getAllocationMode(), e.getCount(),
            Boolean.TRUE.equals(e.getAdminAccess()), e.getTolerations(), e.getCapacity()));
      } catch (InvalidSpecException ex) {
        List<FieldViolation> all = new ArrayList<>(bad);
        ex.violations().stream().filter(v -> !bad.contains(v)).forEach(v -> all.add(v.under(at.child("exactly"))));
        throw new InvalidSpecException(all);
      }
    }
    List<DeviceSubRequest> subs = new ArrayList<>();
    List<io.fabric8.kubernetes.api.model.resource.v1.DeviceSubRequest> list = r.getFirstAvailable();
    for (int i = 0; i < list.size(); i++) {
      var s = list.get(i);
      try {
        subs.add(DeviceSubRequest.of(Objects.requireNonNullElse(s.getName(), ""), selection(s.getDeviceClassName(), s.getSelectors(), s.getAllocationMode(),
            s.getCount(), false, s.getTolerations(), s.getCapacity())));
      } catch (InvalidSpecException ex) {
        FieldPath sp = at.child("firstAvailable").index(i);
        ex.violations().forEach(v -> bad.add(v.under(sp)));
      }
    }
    if (!bad.isEmpty()) {
      throw new InvalidSpecException(bad);
    }
    return DeviceRequest.firstAvailable(name, subs.toArray(DeviceSubRequest[]::new));
  }

  private DeviceSelection selection(String deviceClass, List<DeviceSelector> selectors, String mode, Long count, boolean admin,
      List<io.fabric8.kubernetes.api.model.resource.v1.DeviceToleration> tolerations, io.fabric8.kubernetes.api.model.resource.v1.CapacityRequirements capacity) {
    DeviceSelection.Builder b = DeviceSelection.builder().deviceClassName(Objects.requireNonNullElse(deviceClass, ""));
    b.addAllSelectors(selectors(selectors, FieldPath.of("selectors")));
    if (mode != null && !mode.isEmpty()) {
      try {
        b.allocationMode(AllocationMode.valueOf(mode));
      } catch (IllegalArgumentException e) {
        throw new InvalidSpecException(List.of(FieldViolation.of(FieldPath.of("allocationMode"), FieldErrorType.NotSupported, mode, "supported values: \"All\", \"ExactCount\"")));
      }
    }
    if (count != null && count != 0) {
      b.count(count);
    }
    b.adminAccess(admin);
    for (var t : orEmpty(tolerations)) {
      DeviceToleration.Builder tb = DeviceToleration.builder();
      if (t.getKey() != null) {
        tb.key(t.getKey());
      }
      if (t.getOperator() != null) {
        tb.operator(t.getOperator());
      }
      if (t.getValue() != null) {
        tb.value(t.getValue());
      }
      if (t.getEffect() != null) {
        tb.effect(t.getEffect());
      }
      if (t.getTolerationSeconds() != null) {
        tb.tolerationSeconds(t.getTolerationSeconds());
      }
      b.addTolerations(tb.build());
    }
    if (capacity != null) {
      orEmpty(capacity.getRequests()).forEach((k, v) -> b.putCapacityRequest(k, quantity(v, FieldPath.of("capacity.requests").key(k))));
    }
    return b.build();
  }

  private List<String> selectors(List<DeviceSelector> selectors, FieldPath path) {
    List<String> out = new ArrayList<>();
    List<DeviceSelector> list = orEmpty(selectors);
    for (int i = 0; i < list.size(); i++) {
      DeviceSelector s = list.get(i);
      if (s.getCel() == null || s.getCel().getExpression() == null) {
        throw new InvalidSpecException(List.of(FieldViolation.required(path.index(i).child("cel.expression"), "")));
      }
      out.add(s.getCel().getExpression());
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static OpaqueConfig opaque(List<String> requests, io.fabric8.kubernetes.api.model.resource.v1.OpaqueDeviceConfiguration o) {
    OpaqueConfig.Builder b = OpaqueConfig.builder().addAllRequests(requests).driver(Objects.requireNonNullElse(o.getDriver(), ""));
    if (o.getParameters() instanceof Map<?, ?> m) {
      b.putAllParameters((Map<String, Object>) m);
    }
    return b.build();
  }

  private static void requireText(String value, FieldPath at, List<FieldViolation> missing) {
    if (value == null || value.isEmpty()) {
      missing.add(FieldViolation.required(at, ""));
    }
  }

  private static AllocationResult allocation(io.fabric8.kubernetes.api.model.resource.v1.AllocationResult a) {
    AllocationResult.Builder b = AllocationResult.builder();
    if (a.getDevices() != null) {
      List<DeviceRequestAllocationResult> results = orEmpty(a.getDevices().getResults());
      List<FieldViolation> missing = new ArrayList<>();
      for (int i = 0; i < results.size(); i++) {
        DeviceRequestAllocationResult r = results.get(i);
        FieldPath at = FieldPath.of("status.allocation.devices.results").index(i);
        // the API requires all four; a result without one names no device to count as taken
        requireText(r.getRequest(), at.child("request"), missing);
        requireText(r.getDriver(), at.child("driver"), missing);
        requireText(r.getPool(), at.child("pool"), missing);
        requireText(r.getDevice(), at.child("device"), missing);
      }
      if (!missing.isEmpty()) {
        throw new InvalidSpecException(missing);
      }
      for (DeviceRequestAllocationResult r : results) {
        DeviceResult.Builder rb = DeviceResult.builder().request(r.getRequest()).driver(r.getDriver()).pool(r.getPool()).device(r.getDevice())
            .adminAccess(Boolean.TRUE.equals(r.getAdminAccess()));
        if (r.getShareID() != null) {
          rb.shareId(r.getShareID());
        }
        orEmpty(r.getConsumedCapacity()).forEach((k, v) -> rb.putConsumedCapacity(k, quantity(v, FieldPath.of("consumedCapacity").key(k))));
        b.addResults(rb.build());
      }
    }
    if (a.getNodeSelector() != null) {
      b.nodeSelector(nodeSelector(a.getNodeSelector()));
    }
    return b.build();
  }

  private java.util.Optional<PodClaims> pod(Pod p) {
    PodClaims.Builder b = PodClaims.builder().name(p.getMetadata().getName())
        .namespace(Objects.requireNonNullElse(p.getMetadata().getNamespace(), "default"));
    List<PodResourceClaim> claims = p.getSpec() == null ? List.of() : orEmpty(p.getSpec().getResourceClaims());
    java.util.Set<String> names = new java.util.HashSet<>();
    for (int i = 0; i < claims.size(); i++) {
      PodResourceClaim c = claims.get(i);
      boolean claim = c.getResourceClaimName() != null;
      boolean template = c.getResourceClaimTemplateName() != null;
      String at = "spec.resourceClaims[" + i + "]";
      if (c.getName() == null || c.getName().isEmpty()) {
        found.add(FieldViolation.required(FieldPath.of(at + ".name"), ""));
        continue;
      }
      if (!names.add(c.getName())) {
        found.add(FieldViolation.of(FieldPath.of(at + ".name"), FieldErrorType.Duplicate, c.getName(), ""));
        continue;
      }
      List<String> bad = dev.aiinfra.core.model.validation.NameRules.dns1123Label(c.getName());
      if (!bad.isEmpty()) {
        found.add(FieldViolation.invalid(FieldPath.of(at + ".name"), c.getName(), String.join("; ", bad)));
        continue;
      }
      if (claim == template) {
        found.add(FieldViolation.of(FieldPath.of(at), FieldErrorType.Invalid, "exactly one of `resourceClaimName` or `resourceClaimTemplateName` is required"));
        continue;
      }
      b.addClaims(claim ? dev.aiinfra.core.model.workload.PodResourceClaim.ofClaim(c.getName(), c.getResourceClaimName())
          : dev.aiinfra.core.model.workload.PodResourceClaim.fromTemplate(c.getName(), c.getResourceClaimTemplateName()));
    }
    return java.util.Optional.of(b.build());
  }

  private static NodeSelectorTerm nodeSelector(NodeSelector s) {
    List<io.fabric8.kubernetes.api.model.NodeSelectorTerm> terms = orEmpty(s.getNodeSelectorTerms());
    if (terms.size() != 1) {
      throw new InvalidSpecException(List.of(FieldViolation.invalid(FieldPath.of("nodeSelectorTerms"), terms.size(), "must have exactly one node selector term")));
    }
    NodeSelectorTerm.Builder b = NodeSelectorTerm.builder();
    for (var r : orEmpty(terms.get(0).getMatchExpressions())) {
      b.addMatchExpressions(requirement(r));
    }
    for (var r : orEmpty(terms.get(0).getMatchFields())) {
      b.addMatchFields(requirement(r));
    }
    return b.build();
  }

  private static NodeSelectorRequirement requirement(io.fabric8.kubernetes.api.model.NodeSelectorRequirement r) {
    NodeSelectorOperator op;
    try {
      op = NodeSelectorOperator.valueOf(Objects.requireNonNullElse(r.getOperator(), ""));
    } catch (IllegalArgumentException e) {
      throw new InvalidSpecException(List.of(FieldViolation.of(FieldPath.of("operator"), FieldErrorType.NotSupported, r.getOperator(), "supported values: \"DoesNotExist\", \"Exists\", \"Gt\", \"In\", \"Lt\", \"NotIn\"")));
    }
    return NodeSelectorRequirement.of(r.getKey(), op, orEmpty(r.getValues()).toArray(String[]::new));
  }

  /** A quantity by {@link QuantityField}'s decoding rule ({@code null} is zero), or a violation at {@code at}. */
  private static Quantity quantity(io.fabric8.kubernetes.api.model.Quantity q, FieldPath at) {
    Violations v = new Violations();
    java.util.Optional<Quantity> parsed = QuantityField.decode(q == null ? null : q.toString(), at, v);
    v.throwIfAny();
    return parsed.orElseThrow();
  }

  private static <T> List<T> orEmpty(List<T> l) {
    return l == null ? List.of() : l;
  }

  private static <K, V> Map<K, V> orEmpty(Map<K, V> m) {
    return m == null ? Map.of() : m;
  }
}
