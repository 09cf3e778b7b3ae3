package dev.aiinfra.cli.cgroup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.cli.output.JsonOut;
import dev.aiinfra.sandbox.policy.cgroup.ContainerCgroup;
import dev.aiinfra.sandbox.policy.cgroup.PodCgroup;
import java.util.Optional;

/**
 * The {@code cgroup pod} JSON contract, in one place: {@code {"qos","pod":{"cpuShares","cpu.weight","cpu.max",
 * "memory.max","pids.max"},"containers":[{"name","cpuShares","cpuQuota","cpu.weight","cpu.max","memory.max",
 * "memory.min","memory.low","memory.high","memory.oom.group","initContainer"}]}}, an unwritten file as null.
 * A file whose content is always a number is a JSON number ({@code memory.max} of the pod,
 * {@code memory.min/low/high}, {@code memory.oom.group}); one that can hold {@code max}
 * ({@code pids.max}, a container's {@code memory.max}) or two values ({@code cpu.max}) is a string.
 */
final class CgroupPodJson {
  private CgroupPodJson() {}

  static ObjectNode of(PodCgroup p) {
    ObjectNode root = JsonOut.object().put("qos", p.qos().name());
    ObjectNode pod = root.putObject("pod").put("cpuShares", p.podCpuShares()).put("cpu.weight", p.podCpuWeight());
    text(pod, "cpu.max", p.podCpuMax());
    number(pod, "memory.max", p.podMemoryMax());
    pod.put("pids.max", p.podPidsMax());
    ArrayNode containers = root.putArray("containers");
    for (ContainerCgroup c : p.containers()) {
      ObjectNode n = containers.addObject().put("name", c.name()).put("cpuShares", c.cpuShares());
      number(n, "cpuQuota", c.cpuQuota());
      n.put("cpu.weight", c.cpuWeight());
      text(n, "cpu.max", c.cpuMax());
      n.put("memory.max", c.memoryMax());
      number(n, "memory.min", c.memoryMin());
      number(n, "memory.low", c.memoryLow());
      number(n, "memory.high", c.memoryHigh());
      number(n, "memory.oom.group", c.memoryOomGroup());
      n.put("initContainer", c.initContainer());
    }
    return root;
  }

  private static void text(ObjectNode n, String field, Optional<String> v) {
    if (v.isPresent()) {
      n.put(field, v.get());
    } else {
      n.putNull(field);
    }
  }

  private static void number(ObjectNode n, String field, Optional<Long> v) {
    if (v.isPresent()) {
      n.put(field, v.get());
    } else {
      n.putNull(field);
    }
  }
}
