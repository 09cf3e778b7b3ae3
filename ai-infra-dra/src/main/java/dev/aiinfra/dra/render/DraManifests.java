package dev.aiinfra.dra.render;

import dev.aiinfra.core.model.node.NodeSelectorRequirement;
import dev.aiinfra.core.model.node.NodeSelectorTerm;
import dev.aiinfra.dra.model.AllocationMode;
import dev.aiinfra.dra.model.AllocationResult;
import dev.aiinfra.dra.model.AttributeValue;
import dev.aiinfra.dra.model.CounterConsumption;
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
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.resource.v1.CELDeviceSelector;
import io.fabric8.kubernetes.api.model.resource.v1.CapacityRequestPolicy;
import io.fabric8.kubernetes.api.model.resource.v1.CapacityRequestPolicyRange;
import io.fabric8.kubernetes.api.model.resource.v1.CapacityRequirements;
import io.fabric8.kubernetes.api.model.resource.v1.Counter;
import io.fabric8.kubernetes.api.model.resource.v1.CounterSet;
import io.fabric8.kubernetes.api.model.resource.v1.Device;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceAllocationResult;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceAttribute;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClaimConfiguration;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClass;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClassConfiguration;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceCounterConsumption;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceRequestAllocationResult;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceSelector;
import io.fabric8.kubernetes.api.model.resource.v1.ExactDeviceRequest;
import io.fabric8.kubernetes.api.model.resource.v1.OpaqueDeviceConfiguration;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimStatus;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplate;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplateSpec;
import io.fabric8.kubernetes.api.model.resource.v1.ResourcePool;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceSlice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders the DRA value types as fabric8 {@code resource.k8s.io/v1} objects — DeviceClass,
 * ResourceClaim (with {@code status.allocation} when allocated), ResourceClaimTemplate and
 * ResourceSlice — leaving out every field at its API default, as {@code kubectl get -o yaml} shows
 * what was written.
 */
public final class DraManifests {
  public static final String API_VERSION = "resource.k8s.io/v1";

  private DraManifests() {}

  public static DeviceClass deviceClass(DeviceClassSpec c) {
    DeviceClass out = new DeviceClass();
    out.setApiVersion(API_VERSION);
    out.setKind("DeviceClass");
    out.setMetadata(meta(c.name(), null, Map.of()));
    io.fabric8.kubernetes.api.model.resource.v1.DeviceClassSpec spec = new io.fabric8.kubernetes.api.model.resource.v1.DeviceClassSpec();
    spec.setSelectors(selectors(c.selectors()));
    if (!c.config().isEmpty()) {
      List<DeviceClassConfiguration> config = new ArrayList<>();
      for (OpaqueConfig o : c.config()) {
        DeviceClassConfiguration dc = new DeviceClassConfiguration();
        dc.setOpaque(opaque(o));
        config.add(dc);
      }
      spec.setConfig(config);
    }
    c.extendedResourceName().ifPresent(spec::setExtendedResourceName);
    out.setSpec(spec);
    return out;
  }

  public static ResourceClaim resourceClaim(ResourceClaimSpec c) {
    ResourceClaim out = new ResourceClaim();
    out.setApiVersion(API_VERSION);
    out.setKind("ResourceClaim");
    out.setMetadata(meta(c.name(), c.namespace(), c.labels()));
    io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimSpec spec = new io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimSpec();
    spec.setDevices(devices(c.devices()));
    out.setSpec(spec);
    c.allocation().ifPresent(a -> {
      ResourceClaimStatus status = new ResourceClaimStatus();
      status.setAllocation(allocation(a));
      out.setStatus(status);
    });
    return out;
  }

  public static ResourceClaimTemplate resourceClaimTemplate(ResourceClaimSpec c) {
    ResourceClaimTemplate out = new ResourceClaimTemplate();
    out.setApiVersion(API_VERSION);
    out.setKind("ResourceClaimTemplate");
    out.setMetadata(meta(c.name(), c.namespace(), Map.of()));
    ResourceClaimTemplateSpec spec = new ResourceClaimTemplateSpec();
    if (!c.labels().isEmpty()) {
      ObjectMeta claimMeta = new ObjectMeta();
      claimMeta.setLabels(new TreeMap<>(c.labels()));
      spec.setMetadata(claimMeta);
    }
    io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimSpec inner = new io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimSpec();
    inner.setDevices(devices(c.devices()));
    spec.setSpec(inner);
    out.setSpec(spec);
    return out;
  }

  /** A template renders as a ResourceClaimTemplate, anything else as a ResourceClaim. */
  public static io.fabric8.kubernetes.api.model.HasMetadata claimObject(ResourceClaimSpec c) {
    return c.template() ? resourceClaimTemplate(c) : resourceClaim(c);
  }

  public static ResourceSlice resourceSlice(ResourceSliceSpec s) {
    ResourceSlice out = new ResourceSlice();
    out.setApiVersion(API_VERSION);
    out.setKind("ResourceSlice");
    out.setMetadata(meta(s.name(), null, Map.of()));
    io.fabric8.kubernetes.api.model.resource.v1.ResourceSliceSpec spec = new io.fabric8.kubernetes.api.model.resource.v1.ResourceSliceSpec();
    spec.setDriver(s.driver());
    ResourcePool pool = new ResourcePool();
    pool.setName(s.pool());
    pool.setGeneration(s.generation());
    pool.setResourceSliceCount(s.resourceSliceCount());
    spec.setPool(pool);
    s.nodeName().ifPresent(spec::setNodeName);
    s.nodeSelector().ifPresent(t -> spec.setNodeSelector(nodeSelector(t)));
    if (s.allNodes()) {
      spec.setAllNodes(true);
    }
    if (s.perDeviceNodeSelection()) {
      spec.setPerDeviceNodeSelection(true);
    }
    if (!s.devices().isEmpty()) {
      List<Device> devices = new ArrayList<>();
      s.devices().forEach(d -> devices.add(device(d)));
      spec.setDevices(devices);
    }
    if (!s.sharedCounters().isEmpty()) {
      List<CounterSet> sets = new ArrayList<>();
      for (dev.aiinfra.dra.model.CounterSet cs : s.sharedCounters()) {
        CounterSet set = new CounterSet();
        set.setName(cs.name());
        set.setCounters(counters(cs.counters()));
        sets.add(set);
      }
      spec.setSharedCounters(sets);
    }
    out.setSpec(spec);
    return out;
  }

  private static Device device(dev.aiinfra.dra.model.Device d) {
    Device out = new Device();
    out.setName(d.name());
    if (!d.attributes().isEmpty()) {
      Map<String, DeviceAttribute> attrs = new TreeMap<>();
      d.attributes().forEach((k, v) -> attrs.put(k, attribute(v)));
      out.setAttributes(attrs);
    }
    if (!d.capacity().isEmpty()) {
      Map<String, io.fabric8.kubernetes.api.model.resource.v1.DeviceCapacity> caps = new TreeMap<>();
      d.capacity().forEach((k, v) -> caps.put(k, capacity(v)));
      out.setCapacity(caps);
    }
    if (!d.consumesCounters().isEmpty()) {
      List<DeviceCounterConsumption> list = new ArrayList<>();
      for (CounterConsumption cc : d.consumesCounters()) {
        DeviceCounterConsumption c = new DeviceCounterConsumption();
        c.setCounterSet(cc.counterSet());
        c.setCounters(counters(cc.counters()));
        list.add(c);
      }
      out.setConsumesCounters(list);
    }
    d.nodeName().ifPresent(out::setNodeName);
    d.nodeSelector().ifPresent(t -> out.setNodeSelector(nodeSelector(t)));
    if (d.allNodes()) {
      out.setAllNodes(true);
    }
    if (!d.taints().isEmpty()) {
      List<io.fabric8.kubernetes.api.model.resource.v1.DeviceTaint> taints = new ArrayList<>();
      for (DeviceTaint t : d.taints()) {
        io.fabric8.kubernetes.api.model.resource.v1.DeviceTaint x = new io.fabric8.kubernetes.api.model.resource.v1.DeviceTaint();
        x.setKey(t.key());
        if (!t.value().isEmpty()) {
          x.setValue(t.value());
        }
        x.setEffect(t.effect());
        taints.add(x);
      }
      out.setTaints(taints);
    }
    if (d.bindsToNode()) {
      out.setBindsToNode(true);
    }
    if (!d.bindingConditions().isEmpty()) {
      out.setBindingConditions(d.bindingConditions());
    }
    if (!d.bindingFailureConditions().isEmpty()) {
      out.setBindingFailureConditions(d.bindingFailureConditions());
    }
    if (d.allowMultipleAllocations()) {
      out.setAllowMultipleAllocations(true);
    }
    return out;
  }

  private static DeviceAttribute attribute(AttributeValue v) {
    DeviceAttribute a = new DeviceAttribute();
    switch (v.type()) {
      case INT -> a.setInt(v.intValue().get());
      case BOOL -> a.setBool(v.boolValue().get());
      case STRING -> a.setString(v.stringValue().get());
      case VERSION -> a.setVersion(v.versionValue().get());
    }
    return a;
  }

  private static io.fabric8.kubernetes.api.model.resource.v1.DeviceCapacity capacity(DeviceCapacity c) {
    io.fabric8.kubernetes.api.model.resource.v1.DeviceCapacity out = new io.fabric8.kubernetes.api.model.resource.v1.DeviceCapacity();
    out.setValue(quantity(c.value()));
    c.requestPolicy().ifPresent(p -> out.setRequestPolicy(policy(p)));
    return out;
  }

  private static CapacityRequestPolicy policy(RequestPolicy p) {
    CapacityRequestPolicy out = new CapacityRequestPolicy();
    p.defaultValue().ifPresent(q -> out.setDefault(quantity(q)));
    if (p.min().isPresent() || p.max().isPresent() || p.step().isPresent()) {
      CapacityRequestPolicyRange r = new CapacityRequestPolicyRange();
      p.min().ifPresent(q -> r.setMin(quantity(q)));
      p.max().ifPresent(q -> r.setMax(quantity(q)));
      p.step().ifPresent(q -> r.setStep(quantity(q)));
      out.setValidRange(r);
    }
    if (!p.validValues().isEmpty()) {
      out.setValidValues(p.validValues().stream().map(DraManifests::quantity).toList());
    }
    return out;
  }

  private static Map<String, Counter> counters(Map<String, dev.aiinfra.core.model.quantity.Quantity> values) {
    Map<String, Counter> out = new TreeMap<>();
    values.forEach((k, v) -> {
      Counter c = new Counter();
      c.setValue(quantity(v));
      out.put(k, c);
    });
    return out;
  }

  private static io.fabric8.kubernetes.api.model.resource.v1.DeviceClaim devices(DeviceClaim c) {
    io.fabric8.kubernetes.api.model.resource.v1.DeviceClaim out = new io.fabric8.kubernetes.api.model.resource.v1.DeviceClaim();
    List<io.fabric8.kubernetes.api.model.resource.v1.DeviceRequest> requests = new ArrayList<>();
    for (DeviceRequest r : c.requests()) {
      io.fabric8.kubernetes.api.model.resource.v1.DeviceRequest x = new io.fabric8.kubernetes.api.model.resource.v1.DeviceRequest();
      x.setName(r.name());
      r.exactly().ifPresent(s -> x.setExactly(exact(s)));
      if (!r.firstAvailable().isEmpty()) {
        List<io.fabric8.kubernetes.api.model.resource.v1.DeviceSubRequest> subs = new ArrayList<>();
        for (DeviceSubRequest s : r.firstAvailable()) {
          subs.add(sub(s));
        }
        x.setFirstAvailable(subs);
      }
      requests.add(x);
    }
    out.setRequests(requests);
    if (!c.constraints().isEmpty()) {
      List<io.fabric8.kubernetes.api.model.resource.v1.DeviceConstraint> list = new ArrayList<>();
      for (DeviceConstraint dc : c.constraints()) {
        io.fabric8.kubernetes.api.model.resource.v1.DeviceConstraint x = new io.fabric8.kubernetes.api.model.resource.v1.DeviceConstraint();
        if (!dc.requests().isEmpty()) {
          x.setRequests(dc.requests());
        }
        dc.matchAttribute().ifPresent(x::setMatchAttribute);
        dc.distinctAttribute().ifPresent(x::setDistinctAttribute);
        list.add(x);
      }
      out.setConstraints(list);
    }
    if (!c.config().isEmpty()) {
      List<DeviceClaimConfiguration> list = new ArrayList<>();
      for (OpaqueConfig o : c.config()) {
        DeviceClaimConfiguration x = new DeviceClaimConfiguration();
        if (!o.requests().isEmpty()) {
          x.setRequests(o.requests());
        }
        x.setOpaque(opaque(o));
        list.add(x);
      }
      out.setConfig(list);
    }
    return out;
  }

  private static ExactDeviceRequest exact(DeviceSelection s) {
    ExactDeviceRequest x = new ExactDeviceRequest();
    x.setDeviceClassName(s.deviceClassName());
    x.setSelectors(selectors(s.selectors()));
    x.setAllocationMode(s.allocationMode().name());
    if (s.allocationMode() == AllocationMode.ExactCount) {
      x.setCount(s.count());
    }
    if (s.adminAccess()) {
      x.setAdminAccess(true);
    }
    x.setTolerations(tolerations(s.tolerations()));
    x.setCapacity(capacityRequests(s.capacityRequests()));
    return x;
  }

  private static io.fabric8.kubernetes.api.model.resource.v1.DeviceSubRequest sub(DeviceSubRequest s) {
    io.fabric8.kubernetes.api.model.resource.v1.DeviceSubRequest x = new io.fabric8.kubernetes.api.model.resource.v1.DeviceSubRequest();
    DeviceSelection d = s.selection();
    x.setName(s.name());
    x.setDeviceClassName(d.deviceClassName());
    x.setSelectors(selectors(d.selectors()));
    x.setAllocationMode(d.allocationMode().name());
    if (d.allocationMode() == AllocationMode.ExactCount) {
      x.setCount(d.count());
    }
    x.setTolerations(tolerations(d.tolerations()));
    x.setCapacity(capacityRequests(d.capacityRequests()));
    return x;
  }

  private static CapacityRequirements capacityRequests(Map<String, dev.aiinfra.core.model.quantity.Quantity> requests) {
    if (requests.isEmpty()) {
      return null;
    }
    CapacityRequirements c = new CapacityRequirements();
    Map<String, Quantity> m = new TreeMap<>();
    requests.forEach((k, v) -> m.put(k, quantity(v)));
    c.setRequests(m);
    return c;
  }

  private static List<io.fabric8.kubernetes.api.model.resource.v1.DeviceToleration> tolerations(List<DeviceToleration> list) {
    if (list.isEmpty()) {
      return null;
    }
    List<io.fabric8.kubernetes.api.model.resource.v1.DeviceToleration> out = new ArrayList<>();
    for (DeviceToleration t : list) {
      io.fabric8.kubernetes.api.model.resource.v1.DeviceToleration x = new io.fabric8.kubernetes.api.model.resource.v1.DeviceToleration();
      if (!t.key().isEmpty()) {
        x.setKey(t.key());
      }
      x.setOperator(t.operator());
      if (!t.value().isEmpty()) {
        x.setValue(t.value());
      }
      if (!t.effect().isEmpty()) {
        x.setEffect(t.effect());
      }
      t.tolerationSeconds().ifPresent(x::setTolerationSeconds);
      out.add(x);
    }
    return out;
  }

  private static List<DeviceSelector> selectors(List<String> expressions) {
    if (expressions.isEmpty()) {
      return null;
    }
    List<DeviceSelector> out = new ArrayList<>();
    for (String e : expressions) {
      DeviceSelector s = new DeviceSelector();
      CELDeviceSelector cel = new CELDeviceSelector();
      cel.setExpression(e);
      s.setCel(cel);
      out.add(s);
    }
    return out;
  }

  private static OpaqueDeviceConfiguration opaque(OpaqueConfig o) {
    OpaqueDeviceConfiguration x = new OpaqueDeviceConfiguration();
    x.setDriver(o.driver());
    x.setParameters(new LinkedHashMap<>(o.parameters()));
    return x;
  }

  static io.fabric8.kubernetes.api.model.resource.v1.AllocationResult allocation(AllocationResult a) {
    io.fabric8.kubernetes.api.model.resource.v1.AllocationResult out = new io.fabric8.kubernetes.api.model.resource.v1.AllocationResult();
    DeviceAllocationResult devices = new DeviceAllocationResult();
    List<DeviceRequestAllocationResult> results = new ArrayList<>();
    for (DeviceResult r : a.results()) {
      DeviceRequestAllocationResult x = new DeviceRequestAllocationResult();
      x.setRequest(r.request());
      x.setDriver(r.driver());
      x.setPool(r.pool());
      x.setDevice(r.device());
      if (r.adminAccess()) {
        x.setAdminAccess(true);
      }
      x.setTolerations(tolerations(r.tolerations()));
      r.shareId().ifPresent(x::setShareID);
      if (!r.consumedCapacity().isEmpty()) {
        Map<String, Quantity> m = new TreeMap<>();
        r.consumedCapacity().forEach((k, v) -> m.put(k, quantity(v)));
        x.setConsumedCapacity(m);
      }
      results.add(x);
    }
    devices.setResults(results);
    out.setDevices(devices);
    a.nodeSelector().ifPresent(t -> out.setNodeSelector(nodeSelector(t)));
    return out;
  }

  public static NodeSelector nodeSelector(NodeSelectorTerm t) {
    io.fabric8.kubernetes.api.model.NodeSelectorTerm term = new io.fabric8.kubernetes.api.model.NodeSelectorTerm();
    if (!t.matchExpressions().isEmpty()) {
      term.setMatchExpressions(t.matchExpressions().stream().map(DraManifests::requirement).toList());
    }
    if (!t.matchFields().isEmpty()) {
      term.setMatchFields(t.matchFields().stream().map(DraManifests::requirement).toList());
    }
    NodeSelector s = new NodeSelector();
    s.setNodeSelectorTerms(List.of(term));
    return s;
  }

  private static io.fabric8.kubernetes.api.model.NodeSelectorRequirement requirement(NodeSelectorRequirement r) {
    io.fabric8.kubernetes.api.model.NodeSelectorRequirement x = new io.fabric8.kubernetes.api.model.NodeSelectorRequirement();
    x.setKey(r.key());
    x.setOperator(r.operator().name());
    if (!r.values().isEmpty()) {
      x.setValues(r.values());
    }
    return x;
  }

  static Quantity quantity(dev.aiinfra.core.model.quantity.Quantity q) {
    return new Quantity(q.toString());
  }

  private static ObjectMeta meta(String name, String namespace, Map<String, String> labels) {
    ObjectMeta m = new ObjectMeta();
    m.setName(name);
    m.setNamespace(namespace);
    if (!labels.isEmpty()) {
      m.setLabels(new TreeMap<>(labels));
    }
    return m;
  }
}
