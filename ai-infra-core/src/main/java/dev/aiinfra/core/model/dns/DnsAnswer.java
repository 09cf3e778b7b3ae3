package dev.aiinfra.core.model.dns;

import java.util.Locale;

/** How a nameserver answers one query: an address, no such name, the name but no such record, or a failure. */
public enum DnsAnswer {
  FOUND,
  NXDOMAIN,
  NODATA,
  SERVFAIL;

  /** The lower-case JSON/CLI spelling, e.g. {@code nxdomain}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static DnsAnswer fromWire(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT));
  }
}
