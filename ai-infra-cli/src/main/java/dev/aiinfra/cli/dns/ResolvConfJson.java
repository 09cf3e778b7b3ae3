package dev.aiinfra.cli.dns;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.cli.output.JsonOut;
import dev.aiinfra.core.model.dns.DnsOption;
import dev.aiinfra.core.model.dns.ResolvConf;

/** {@code {"nameservers":[…],"searches":[…],"options":[{"name","value"?}]}}. */
final class ResolvConfJson {
  private ResolvConfJson() {}

  static ObjectNode of(ResolvConf conf) {
    ObjectNode n = JsonOut.object();
    n.set("nameservers", JsonOut.strings(conf.nameservers()));
    n.set("searches", JsonOut.strings(conf.searches()));
    ArrayNode options = n.putArray("options");
    for (DnsOption o : conf.options()) {
      ObjectNode on = options.addObject().put("name", o.name());
      o.value().ifPresent(v -> on.put("value", v));
    }
    return n;
  }
}
