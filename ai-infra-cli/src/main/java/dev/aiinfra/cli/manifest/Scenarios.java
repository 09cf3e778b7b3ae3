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
