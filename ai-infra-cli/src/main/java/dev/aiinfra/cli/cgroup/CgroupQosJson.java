package dev.aiinfra.cli.cgroup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.cli.output.JsonOut;
import dev.aiinfra.sandbox.policy.cgroup.QosCgroups;

/**
 * The {@code cgroup qos} JSON contract, in one place: {@code {"kubepods":{"cpuShares","cpu.weight"},
 * "burstable":{…},"besteffort":{…}}}.
 */
final class CgroupQosJson {
  private CgroupQosJson() {}

  static ObjectNode of(QosCgroups.Values v) {
    ObjectNode json = JsonOut.object();
    cpu(json.putObject("kubepods"), v.kubepods());
    cpu(json.putObject("burstable"), v.burstable());
    cpu(json.putObject("besteffort"), v.besteffort());
    return json;
  }

  private static void cpu(ObjectNode n, QosCgroups.Cpu cpu) {
    n.put("cpuShares", cpu.shares()).put("cpu.weight", cpu.weight());
  }
}
