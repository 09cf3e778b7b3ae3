package dev.aiinfra.dra.policy;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Small dense ids for selector expressions, so devices can memoize results in an array. */
final class SelectorIds {
  private static final ConcurrentHashMap<String, Integer> IDS = new ConcurrentHashMap<>();
  private static final AtomicInteger NEXT = new AtomicInteger();

  private SelectorIds() {}

  static int of(String expression) {
    Integer id = IDS.get(expression);
    return id != null ? id : IDS.computeIfAbsent(expression, e -> NEXT.getAndIncrement());
  }
}
