package dev.aiinfra.cli.manifest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The built-in scenarios {@code render} and {@code demo} use. */
final class Scenarios {
  private static final Map<String, Scenario> ALL = new LinkedHashMap<>();

  static {
    add(new Scenario("dns-ndots", "Deployment, CronJob (musl) and JobSet with the cheapest safe ndots for their lookups",
        () -> DnsScenario.tuned().bundle()));
    add(new Scenario("gang-jobset-native", "256-pod JobSet with a Workload gang (v1alpha2 Workload + PodGroup) required in one rack",
        () -> GangScenario.jobSet(dev.aiinfra.scheduling.model.GangTarget.NATIVE)));
    add(new Scenario("gang-jobset-kueue", "the same JobSet queued in Kueue with a required-rack TAS annotation",
        () -> GangScenario.jobSet(dev.aiinfra.scheduling.model.GangTarget.KUEUE)));
    add(new Scenario("gang-jobset-volcano", "the same JobSet gang-scheduled by Volcano",
        () -> GangScenario.jobSet(dev.aiinfra.scheduling.model.GangTarget.VOLCANO)));
    add(new Scenario("agent-sandbox-gpu", "hardened GPU SandboxTemplate on Kata, RuntimeClass, warm pool sized for 50 claims/s, and a claim",
        SandboxScenario::gpuAgent));
  }

  private Scenarios() {}

  private static void add(Scenario s) {
    ALL.put(s.name(), s);
  }

  static Map<String, Scenario> all() {
    return ALL;
  }

  static Optional<Scenario> named(String name) {
    return Optional.ofNullable(ALL.get(name));
  }
}
