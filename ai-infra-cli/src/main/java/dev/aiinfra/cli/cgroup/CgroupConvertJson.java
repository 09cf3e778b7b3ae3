package dev.aiinfra.cli.cgroup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.cli.output.JsonOut;
import dev.aiinfra.sandbox.policy.cgroup.CpuConversion;

/** The {@code cgroup convert} JSON contract, in one place: {@code {"cpuShares"?,"cpu.weight"?,"cpuQuota"?,"cpu.max"?}}, only the fields that apply. */
final class CgroupConvertJson {
  private CgroupConvertJson() {}

  static ObjectNode of(CpuConversion c) {
    ObjectNode json = JsonOut.object();
    c.shares().ifPresent(s -> json.put("cpuShares", s));
    c.weight().ifPresent(w -> json.put("cpu.weight", w));
    c.quota().ifPresent(q -> json.put("cpuQuota", q));
    c.cpuMax().ifPresent(m -> json.put("cpu.max", m));
    return json;
  }
}
