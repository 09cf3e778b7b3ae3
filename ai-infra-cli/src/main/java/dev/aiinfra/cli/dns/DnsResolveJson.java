package dev.aiinfra.cli.dns;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.cli.output.JsonOut;
import dev.aiinfra.core.model.dns.ResolvConf;
import dev.aiinfra.core.policy.dns.Resolution;

/**
 * The {@code dns resolve} JSON contract, in one place: {@code {"resolvConf":{"nameservers","searches",
 * "options":[{"name","value"?}]},"queries":[…],"result"}}.
 */
final class DnsResolveJson {
  private DnsResolveJson() {}

  static ObjectNode of(ResolvConf seen, Resolution r) {
    ObjectNode json = JsonOut.object();
    json.set("resolvConf", ResolvConfJson.of(seen));
    json.set("queries", JsonOut.strings(r.queries()));
    return json.put("result", r.result().wire());
  }
}
