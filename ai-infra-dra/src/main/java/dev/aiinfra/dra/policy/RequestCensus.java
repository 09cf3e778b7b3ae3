package dev.aiinfra.dra.policy;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.dra.model.DraCode;
import dev.aiinfra.dra.model.ResourceClaimSpec;

/**
 * How the devices a node offers stand against one request alternative before any search: how many
 * match the class and request selectors, and of those how many are taken, tainted without a
 * toleration, short of capacity or short of counters.
 */
record RequestCensus(int devices, int matched, int inUse, int tainted, int noCapacity, int noCounters) {

  static RequestCensus take(AllocationSearch probe, NodeInventory inventory, AllocationSearch.Alternative a) {
    int matched = 0;
    int inUse = 0;
    int tainted = 0;
    int noCapacity = 0;
    int noCounters = 0;
    for (Candidate c : inventory.candidates) {
      if (!probe.bindable(c) || !probe.selected(c, a) || !c.nodeMatch) {
        continue;
      }
      matched++;
      if (probe.inUse(0, a, c)) {
        inUse++;
      } else if (probe.capacityFor(c, a, true) == null) {
        noCapacity++;
      } else if (!c.device.consumesCounters().isEmpty() && !probe.countersFit(c)) {
        noCounters++;
      } else if (!probe.tolerated(c, a)) {
        tainted++;
      }
    }
    return new RequestCensus(inventory.candidates.size(), matched, inUse, tainted, noCapacity, noCounters);
  }

  int free() {
    return matched - inUse - tainted - noCapacity - noCounters;
  }

  Diagnostic diagnostic(AllocationSearch probe, ResourceClaimSpec claim, String node, AllocationSearch.Alternative a) {
    String where = "claim " + AllocationSearch.ref(claim) + ", request " + a.resultName;
    String needed = a.all ? "all matching devices" : probe.needed(a) + (probe.needed(a) == 1 ? " device" : " devices");
    String head = where + " (class " + a.deviceClass.name() + ", " + needed + "): ";
    if (matched == 0) {
      return Diagnostic.builder().code(DraCode.DRA_NO_MATCHING_DEVICES).path(where)
          .message(head + "none of the " + devices + " devices on node " + node + " match the class and request selectors")
          .hint("compare the selectors with the attributes and capacity the driver publishes").build();
    }
    DraCode code = inUse > 0 && tainted == 0 && noCapacity == 0 && noCounters == 0 ? DraCode.DRA_DEVICES_IN_USE
        : tainted > 0 && inUse == 0 && noCapacity == 0 && noCounters == 0 ? DraCode.DRA_DEVICES_TAINTED
        : DraCode.DRA_NOT_ENOUGH_DEVICES;
    return Diagnostic.builder().code(code).path(where)
        .message(head + matched + " of " + devices + " devices on node " + node + " match the class and selectors; "
            + inUse + " allocated, " + tainted + " tainted without a toleration, " + noCapacity + " without enough capacity, "
            + noCounters + " without enough counters; " + free() + " free")
        .build();
  }
}
