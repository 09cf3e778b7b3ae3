package dev.aiinfra.core.policy.dns;

import dev.aiinfra.core.model.dns.DnsOption;
import dev.aiinfra.core.model.dns.ResolvConf;
import dev.aiinfra.core.model.dns.ResolverFlavor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads resolv.conf text the way each consumer does. The kubelet ({@code parseResolvConf}) keeps
 * every nameserver, the last {@code search} line with trailing dots trimmed and {@code .} dropped,
 * and the options of every {@code options} line, one per name (a later one replaces an earlier one
 * of the same name, on the same line or another); a {@code nameserver} line without an address makes
 * the file invalid. glibc takes the first three nameservers, the last of {@code
 * domain}/{@code search}, and applies every {@code options} line in order. musl does the same but
 * reads through a 256-byte line buffer and skips any line longer than 254 characters.
 */
public final class ResolvConfParser {
  /** musl's {@code resolvconf.c} line buffer is 256 bytes: 254 characters, newline, NUL. */
  public static final int MUSL_MAX_LINE = 254;

  private static final int MAX_RESOLVER_NAMESERVERS = 3;

  private ResolvConfParser() {}

  /**
   * The kubelet's reading of the node's resolv.conf (pkg/kubelet/network/dns).
   *
   * @throws IllegalArgumentException when a {@code nameserver} line has no address (the kubelet
   *     then fails every pod's DNS setup)
   */
  public static ResolvConf kubelet(String text) {
    List<String> nameservers = new ArrayList<>();
    List<String> searches = new ArrayList<>();
    Map<String, String> options = new LinkedHashMap<>();
    int lineNumber = 0;
    for (String raw : text.split("\n", -1)) {
      lineNumber++;
      String line = raw.trim();
      if (line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\\s+");
      if (fields.length == 0 || fields[0].isEmpty()) {
        continue;
      }
      switch (fields[0]) {
        case "nameserver":
          if (fields.length < 2) {
            throw new IllegalArgumentException("line " + lineNumber + ": nameserver list is empty");
          }
          nameservers.add(fields[1]);
          break;
        case "search":
          searches = new ArrayList<>();
          for (int i = 1; i < fields.length; i++) {
            String s = fields[i].endsWith(".") ? fields[i].substring(0, fields[i].length() - 1) : fields[i];
            if (!s.isEmpty()) {
              searches.add(s);
            }
          }
          break;
        case "options":
          for (int i = 1; i < fields.length; i++) {
            String name = fields[i].split(":", -1)[0];
            options.remove(name);
            options.put(name, fields[i]);
          }
          break;
        default:
          break;
      }
    }
    ResolvConf.Builder b = ResolvConf.builder().nameservers(nameservers).searches(searches);
    options.values().forEach(o -> b.addOption(DnsOption.parse(o)));
    return b.build();
  }

  /** What a container's stub resolver of {@code flavor} reads from {@code text}. */
  public static ResolvConf resolver(String text, ResolverFlavor flavor) {
    List<String> nameservers = new ArrayList<>();
    List<String> searches = new ArrayList<>();
    Map<String, DnsOption> options = new LinkedHashMap<>();
    for (String raw : text.split("\n", -1)) {
      if (flavor == ResolverFlavor.MUSL && raw.length() > MUSL_MAX_LINE) {
        continue; // musl ignores lines that do not fit its buffer rather than misreading them
      }
      String line = raw.trim();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      String[] fields = line.split("\\s+");
      switch (fields[0]) {
        case "nameserver":
          if (fields.length >= 2 && nameservers.size() < MAX_RESOLVER_NAMESERVERS) {
            nameservers.add(fields[1]);
          }
          break;
        case "domain":
        case "search":
          searches = new ArrayList<>();
          for (int i = 1; i < fields.length; i++) {
            searches.add(fields[i]);
          }
          break;
        case "options":
          for (int i = 1; i < fields.length; i++) {
            DnsOption o = DnsOption.parse(fields[i]);
            options.remove(o.name());
            options.put(o.name(), o);
          }
          break;
        default:
          break;
      }
    }
    return ResolvConf.builder()
        .nameservers(nameservers)
        .searches(searches)
        .options(options.values())
        .build();
  }
}
