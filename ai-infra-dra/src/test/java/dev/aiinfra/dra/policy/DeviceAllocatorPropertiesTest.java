package dev.aiinfra.dra.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.dra.model.AllocationMode;
import dev.aiinfra.dra.model.AttributeValue;
import dev.aiinfra.dra.model.CounterConsumption;
import dev.aiinfra.dra.model.Device;
import dev.aiinfra.dra.model.DeviceCapacity;
import dev.aiinfra.dra.model.DeviceClassSpec;
import dev.aiinfra.dra.model.DeviceConstraint;
import dev.aiinfra.dra.model.DeviceRequest;
import dev.aiinfra.dra.model.DeviceResult;
import dev.aiinfra.dra.model.DeviceSelection;
import dev.aiinfra.dra.model.DeviceSubRequest;
import dev.aiinfra.dra.model.DeviceTaint;
import dev.aiinfra.dra.model.RequestPolicy;
import dev.aiinfra.dra.model.ResourceClaimSpec;
import dev.aiinfra.testing.Property;
import dev.aiinfra.testing.Seeds;
import dev.aiinfra.dra.policy.DraGenerators.DraCase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The allocator against an independent checker: results satisfy selectors, taints, capacity,
 * counters and constraints and never hand out a device twice; results are deterministic; freeing
 * devices never turns a yes into a no; and on small inventories "satisfiable" agrees with a
 * brute-force search over all assignments.
 */
class DeviceAllocatorPropertiesTest {
  static LongStream seeds() {
    return Seeds.of(20);
  }

  /** One device given to one request (or subrequest) of one claim. */
  record Pick(int claim, String request, String resultName, DeviceSelection selection, Device device, String driver) {}

  private static AllocationOutcome allocate(DraCase c, boolean withState) {
    DraCluster cluster = DraCluster.builder().addAllSlices(c.slices()).addAllClasses(c.classes()).build();
    AllocatedDevices state = withState ? AllocatedDevices.none().record(c.allocatedResult()) : AllocatedDevices.none();
    return DeviceAllocator.of(cluster, AllocatorFeatures.all()).allocate(DraGenerators.NODE, c.claims(), state);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void every_allocation_satisfies_every_rule(long seed) {
    Property.forAll(seed, DraGenerators.cases(10, 3, 3), 40, c -> {
      AllocationOutcome o = allocate(c, true);
      if (!o.satisfiable()) {
        return;
      }
      List<Pick> picks = picksOf(c, o);
      assertThat(problems(c, picks, true)).isEmpty();
      for (ClaimAllocation ca : o.claims()) {
        for (DeviceResult r : ca.allocation().results()) {
          Device d = device(c, r.device());
          boolean shared = d.allowMultipleAllocations();
          assertThat(r.shareId().isPresent()).isEqualTo(shared);
          if (shared) {
            DeviceSelection s = selectionOf(ca.claim(), r.request());
            Map<String, BigDecimal> expected = consumption(d, s);
            Map<String, BigDecimal> actual = new HashMap<>();
            r.consumedCapacity().forEach((k, v) -> actual.put(k, v.value()));
            assertThat(actual.keySet()).isEqualTo(expected.keySet());
            expected.forEach((k, v) -> assertThat(actual.get(k)).isEqualByComparingTo(v));
          }
        }
      }
    });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void the_same_input_gives_the_same_outcome(long seed) {
    Property.forAll(seed, DraGenerators.cases(10, 3, 3), 20, c -> assertThat(allocate(c, true)).isEqualTo(allocate(c, true)));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void freeing_allocated_devices_never_turns_a_yes_into_a_no(long seed) {
    Property.forAll(seed, DraGenerators.cases(8, 2, 3), 40, c -> {
      AllocationOutcome busy = allocate(c, true);
      if (busy.satisfiable()) {
        assertThat(allocate(c, false).satisfiable()).isTrue();
      }
    });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agrees_with_brute_force_on_small_inventories(long seed) {
    Property.forAll(seed, DraGenerators.cases(5, 2, 2), 40, c -> {
      AllocationOutcome o = allocate(c, true);
      if (o.fatal()) {
        return;
      }
      assertThat(o.satisfiable()).as("allocator says %s", o.status()).isEqualTo(bruteForce(c));
    });
  }

  @org.junit.jupiter.api.Test
  void the_generator_covers_yes_no_and_fatal_answers() {
    java.util.SplittableRandom r = Seeds.random(Seeds.DEFAULT_BASE);
    Map<Object, Integer> counts = new HashMap<>();
    for (int i = 0; i < 400; i++) {
      counts.merge(allocate(DraGenerators.cases(5, 2, 2).next(r), true).status(), 1, Integer::sum);
    }
    assertThat(counts.getOrDefault(dev.aiinfra.dra.policy.AllocationStatus.ALLOCATED, 0)).as("%s", counts).isGreaterThan(40);
    assertThat(counts.getOrDefault(dev.aiinfra.dra.policy.AllocationStatus.UNSATISFIABLE, 0)).as("%s", counts).isGreaterThan(40);
  }

  // ---- independent checker ----

  private static Device device(DraCase c, String name) {
    return c.devices().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
  }

  private static DeviceSelection selectionOf(ResourceClaimSpec claim, String resultName) {
    String parent = resultName.contains("/") ? resultName.substring(0, resultName.indexOf('/')) : resultName;
    DeviceRequest r = claim.devices().requests().stream().filter(x -> x.name().equals(parent)).findFirst().orElseThrow();
    if (r.exactly().isPresent()) {
      return r.exactly().get();
    }
    String sub = resultName.substring(resultName.indexOf('/') + 1);
    return r.firstAvailable().stream().filter(s -> s.name().equals(sub)).findFirst().orElseThrow().selection();
  }

  private static List<Pick> picksOf(DraCase c, AllocationOutcome o) {
    List<Pick> picks = new ArrayList<>();
    for (int i = 0; i < o.claims().size(); i++) {
      ClaimAllocation ca = o.claims().get(i);
      for (DeviceResult r : ca.allocation().results()) {
        String parent = r.request().contains("/") ? r.request().substring(0, r.request().indexOf('/')) : r.request();
        picks.add(new Pick(i, parent, r.request(), selectionOf(ca.claim(), r.request()), device(c, r.device()), r.driver()));
      }
    }
    return picks;
  }

  private static DeviceClassSpec deviceClass(DraCase c, String name) {
    return c.classes().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
  }

  /** Selectors, capacity eligibility and taints: what a device must meet for a selection on its own. */
  private static boolean eligible(DraCase c, DeviceSelection s, Device d, String driver) {
    Map<String, Object> activation = DeviceCel.activation(driver, d);
    for (String e : deviceClass(c, s.deviceClassName()).selectors()) {
      if (!DeviceCel.matches(e, activation)) {
        return false;
      }
    }
    for (String e : s.selectors()) {
      if (!DeviceCel.matches(e, activation)) {
        return false;
      }
    }
    for (Map.Entry<String, Quantity> e : s.capacityRequests().entrySet()) {
      DeviceCapacity cap = d.capacity().get(e.getKey());
      if (cap == null || (!d.allowMultipleAllocations() && cap.value().compareTo(e.getValue()) < 0)) {
        return false;
      }
    }
    if (d.allowMultipleAllocations() && consumption(d, s) == null) {
      return false;
    }
    return true;
  }

  private static boolean tolerated(DeviceSelection s, Device d) {
    for (DeviceTaint t : d.taints()) {
      if ((t.effect().equals("NoSchedule") || t.effect().equals("NoExecute")) && s.tolerations().stream().noneMatch(x -> x.tolerates(t))) {
        return false;
      }
    }
    return true;
  }

  /** What a shareable device gives a selection per capacity, or null when its policy forbids the amount. */
  private static Map<String, BigDecimal> consumption(Device d, DeviceSelection s) {
    Map<String, BigDecimal> out = new HashMap<>();
    for (Map.Entry<String, DeviceCapacity> e : d.capacity().entrySet()) {
      Quantity req = s.capacityRequests().get(e.getKey());
      RequestPolicy p = e.getValue().requestPolicy().orElse(null);
      BigDecimal amount;
      if (req == null) {
        amount = p != null && p.defaultValue().isPresent() ? p.defaultValue().get().value() : e.getValue().value().value();
      } else if (p == null) {
        amount = req.value();
      } else {
        BigDecimal min = p.min().get().value();
        BigDecimal step = p.step().get().value();
        amount = min;
        while (amount.compareTo(req.value()) < 0) {
          amount = amount.add(step);
        }
        if (amount.compareTo(p.max().get().value()) > 0) {
          return null;
        }
      }
      if (amount.compareTo(e.getValue().value().value()) > 0) {
        return null;
      }
      out.put(e.getKey(), amount);
    }
    return out;
  }

  private static AttributeValue attribute(Device d, String driver, String name) {
    AttributeValue v = d.attributes().get(name);
    if (v == null && name.startsWith(driver + "/")) {
      v = d.attributes().get(name.substring(driver.length() + 1));
    }
    return v;
  }

  private static List<String> problems(DraCase c, List<Pick> picks, boolean checkAllMode) {
    List<String> problems = new ArrayList<>();
    Set<String> stateDedicated = new HashSet<>();
    Map<String, BigDecimal> stateMemory = new HashMap<>();
    for (DeviceResult r : c.allocated()) {
      if (r.shareId().isPresent()) {
        stateMemory.merge(r.device(), r.consumedCapacity().get("memory").value(), BigDecimal::add);
      } else {
        stateDedicated.add(r.device());
      }
    }
    Map<String, Integer> dedicatedUses = new HashMap<>();
    Map<String, BigDecimal> sharedUse = new HashMap<>();
    Set<String> perRequest = new HashSet<>();
    for (Pick p : picks) {
      Device d = p.device();
      if (!eligible(c, p.selection(), d, p.driver())) {
        problems.add(d.name() + " does not meet " + p.resultName());
      }
      if (!tolerated(p.selection(), d)) {
        problems.add(d.name() + " is tainted for " + p.resultName());
      }
      if (!perRequest.add(p.claim() + "|" + p.resultName() + "|" + d.name())) {
        problems.add(d.name() + " twice in one request");
      }
      if (d.allowMultipleAllocations()) {
        if (stateDedicated.contains(d.name())) {
          problems.add(d.name() + " is allocated as dedicated");
        }
        Map<String, BigDecimal> used = consumption(d, p.selection());
        if (used != null) {
          used.forEach((k, v) -> sharedUse.merge(d.name() + "|" + k, v, BigDecimal::add));
        }
      } else {
        if (stateDedicated.contains(d.name()) || stateMemory.containsKey(d.name())) {
          problems.add(d.name() + " is already allocated");
        }
        if (dedicatedUses.merge(d.name(), 1, Integer::sum) > 1) {
          problems.add(d.name() + " given twice");
        }
      }
    }
    sharedUse.forEach((key, used) -> {
      String name = key.substring(0, key.indexOf('|'));
      String cap = key.substring(key.indexOf('|') + 1);
      BigDecimal total = used.add(cap.equals("memory") ? stateMemory.getOrDefault(name, BigDecimal.ZERO) : BigDecimal.ZERO);
      if (total.compareTo(device(c, name).capacity().get(cap).value().value()) > 0) {
        problems.add(name + " capacity " + cap + " exceeded");
      }
    });
    Set<String> charged = new HashSet<>(stateDedicated);
    charged.addAll(stateMemory.keySet());
    picks.forEach(p -> charged.add(p.device().name()));
    BigDecimal counter = BigDecimal.ZERO;
    for (String name : charged) {
      for (CounterConsumption cc : device(c, name).consumesCounters()) {
        counter = counter.add(cc.counters().get("memory").value());
      }
    }
    if (counter.compareTo(DraGenerators.COUNTER_MEMORY.value()) > 0) {
      problems.add("counter memory exceeded: " + counter);
    }
    for (int ci = 0; ci < c.claims().size(); ci++) {
      ResourceClaimSpec claim = c.claims().get(ci);
      for (DeviceConstraint k : claim.devices().constraints()) {
        List<AttributeValue> values = new ArrayList<>();
        for (Pick p : picks) {
          if (p.claim() == ci && (k.requests().isEmpty() || k.requests().contains(p.request()) || k.requests().contains(p.resultName()))) {
            values.add(attribute(p.device(), p.driver(), k.attribute()));
          }
        }
        if (values.contains(null)) {
          problems.add("constraint " + k.attribute() + " over a device without it");
        } else if (k.matchAttribute().isPresent() && new HashSet<>(values).size() > 1) {
          problems.add("matchAttribute " + k.attribute() + " violated: " + values);
        } else if (k.distinctAttribute().isPresent() && new HashSet<>(values).size() != values.size()) {
          problems.add("distinctAttribute " + k.attribute() + " violated: " + values);
        }
      }
      for (DeviceRequest r : claim.devices().requests()) {
        int claimIndex = ci;
        List<Pick> mine = picks.stream().filter(p -> p.claim() == claimIndex && p.request().equals(r.name())).toList();
        if (mine.isEmpty()) {
          problems.add("request " + r.name() + " got nothing");
          continue;
        }
        DeviceSelection s = mine.get(0).selection();
        if (s.allocationMode() == AllocationMode.ExactCount && mine.size() != s.count()) {
          problems.add("request " + r.name() + " got " + mine.size() + " devices, not " + s.count());
        }
        if (checkAllMode && s.allocationMode() == AllocationMode.All && mine.size() != allMatching(c, s).size()) {
          problems.add("All request " + r.name() + " did not get every matching device");
        }
      }
    }
    return problems;
  }

  private static List<Pick> allMatching(DraCase c, DeviceSelection s) {
    List<Pick> out = new ArrayList<>();
    for (var slice : c.slices()) {
      for (Device d : slice.devices()) {
        if (eligible(c, s, d, slice.driver())) {
          out.add(new Pick(-1, "", "", s, d, slice.driver()));
        }
      }
    }
    return out;
  }

  // ---- brute force ----

  private record Alternative(String request, String resultName, DeviceSelection selection) {}

  private static boolean bruteForce(DraCase c) {
    List<List<List<Alternative>>> plan = new ArrayList<>();
    for (ResourceClaimSpec claim : c.claims()) {
      List<List<Alternative>> requests = new ArrayList<>();
      for (DeviceRequest r : claim.devices().requests()) {
        List<Alternative> alts = new ArrayList<>();
        r.exactly().ifPresent(s -> alts.add(new Alternative(r.name(), r.name(), s)));
        for (DeviceSubRequest s : r.firstAvailable()) {
          alts.add(new Alternative(r.name(), r.name() + "/" + s.name(), s.selection()));
        }
        requests.add(alts);
      }
      plan.add(requests);
    }
    List<int[]> slots = new ArrayList<>();
    for (int ci = 0; ci < plan.size(); ci++) {
      for (int ri = 0; ri < plan.get(ci).size(); ri++) {
        slots.add(new int[] {ci, ri});
      }
    }
    return search(c, plan, slots, 0, new ArrayList<>());
  }

  private static boolean search(DraCase c, List<List<List<Alternative>>> plan, List<int[]> slots, int i, List<Pick> picks) {
    if (i == slots.size()) {
      return problems(c, picks, false).isEmpty();
    }
    int ci = slots.get(i)[0];
    for (Alternative a : plan.get(ci).get(slots.get(i)[1])) {
      List<Pick> candidates = new ArrayList<>();
      for (Pick p : allMatching(c, a.selection())) {
        candidates.add(new Pick(ci, a.request(), a.resultName(), a.selection(), p.device(), p.driver()));
      }
      if (a.selection().allocationMode() == AllocationMode.All) {
        if (candidates.isEmpty()) {
          continue;
        }
        int size = picks.size();
        picks.addAll(candidates);
        if (search(c, plan, slots, i + 1, picks)) {
          return true;
        }
        picks.subList(size, picks.size()).clear();
        continue;
      }
      if (combinations(c, plan, slots, i, picks, candidates, (int) a.selection().count(), 0)) {
        return true;
      }
    }
    return false;
  }

  private static boolean combinations(DraCase c, List<List<List<Alternative>>> plan, List<int[]> slots, int i, List<Pick> picks,
      List<Pick> candidates, int left, int from) {
    if (left == 0) {
      return search(c, plan, slots, i + 1, picks);
    }
    for (int k = from; k < candidates.size(); k++) {
      picks.add(candidates.get(k));
      if (combinations(c, plan, slots, i, picks, candidates, left - 1, k + 1)) {
        return true;
      }
      picks.remove(picks.size() - 1);
    }
    return false;
  }
}
