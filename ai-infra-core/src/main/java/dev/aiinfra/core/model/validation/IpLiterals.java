package dev.aiinfra.core.model.validation;

import java.util.ArrayList;
import java.util.List;

/** IP literal syntax, checked by hand so that validation never triggers a name lookup. */
final class IpLiterals {
  private IpLiterals() {}

  static boolean isIp(String s) {
    return parse(s) != null;
  }

  static boolean isIpv4(String s) {
    return parseIpv4(s) != null;
  }

  static boolean isIpv6(String s) {
    return s.contains(":") && parse(s) != null;
  }

  /** Whether an IPv4 part (alone or embedded in IPv6) has a leading zero, e.g. {@code 010}. */
  static boolean hasLeadingZeros(String s) {
    String v4 = s.contains(":") ? (s.contains(".") ? s.substring(s.lastIndexOf(':') + 1) : "") : s;
    for (String p : v4.split("\\.", -1)) {
      if (p.length() > 1 && p.charAt(0) == '0') {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code s} is an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}). */
  static boolean isIpv4Mapped(String s) {
    byte[] b = s.contains(":") ? parse(s) : null;
    return b != null && isMapped(b);
  }

  /**
   * The address as Kubernetes' sloppy parser reads it (IPv4 parts are decimal, leading zeros
   * allowed; IPv6 with at most one {@code ::} and an optional trailing IPv4 part; no zone): 16
   * bytes, IPv4 as IPv4-mapped; null when it is not an address.
   */
  static byte[] parse(String s) {
    if (!s.contains(":")) {
      byte[] v4 = parseIpv4(s);
      return v4 == null ? null : mapped(v4);
    }
    int doubleColon = s.indexOf("::");
    if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
      return null;
    }
    String head = doubleColon >= 0 ? s.substring(0, doubleColon) : s;
    String tail = doubleColon >= 0 ? s.substring(doubleColon + 2) : "";
    List<Integer> headGroups = new ArrayList<>();
    List<Integer> tailGroups = new ArrayList<>();
    if (!groups(head, headGroups, doubleColon < 0) || !groups(tail, tailGroups, true)) {
      return null;
    }
    int total = headGroups.size() + tailGroups.size();
    if (doubleColon >= 0 ? total > 7 : total != 8) {
      return null;
    }
    byte[] out = new byte[16];
    for (int i = 0; i < headGroups.size(); i++) {
      out[2 * i] = (byte) (headGroups.get(i) >> 8);
      out[2 * i + 1] = (byte) (int) headGroups.get(i);
    }
    int start = 8 - tailGroups.size();
    for (int i = 0; i < tailGroups.size(); i++) {
      out[2 * (start + i)] = (byte) (tailGroups.get(i) >> 8);
      out[2 * (start + i) + 1] = (byte) (int) tailGroups.get(i);
    }
    return out;
  }

  /** Go's {@code net.IP.String()} of {@link #parse}: dotted IPv4 (also for IPv4-mapped), RFC 5952 IPv6. */
  static String canonical(byte[] b) {
    if (isMapped(b)) {
      return (b[12] & 0xff) + "." + (b[13] & 0xff) + "." + (b[14] & 0xff) + "." + (b[15] & 0xff);
    }
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i >= 2 && j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }

  private static boolean groups(String part, List<Integer> out, boolean ipv4Allowed) {
    if (part.isEmpty()) {
      return true;
    }
    String[] parts = part.split(":", -1);
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (ipv4Allowed && i == parts.length - 1 && p.contains(".")) {
        byte[] v4 = parseIpv4(p);
        if (v4 == null) {
          return false;
        }
        out.add(((v4[0] & 0xff) << 8) | (v4[1] & 0xff));
        out.add(((v4[2] & 0xff) << 8) | (v4[3] & 0xff));
      } else if (p.isEmpty() || p.length() > 4 || !p.chars().allMatch(IpLiterals::isHex)) {
        return false;
      } else {
        out.add(Integer.parseInt(p, 16));
      }
    }
    return true;
  }

  private static byte[] parseIpv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      int v = Integer.parseInt(p);
      if (v > 255) {
        return null;
      }
      out[i] = (byte) v;
    }
    return out;
  }

  private static byte[] mapped(byte[] v4) {
    byte[] out = new byte[16];
    out[10] = (byte) 0xff;
    out[11] = (byte) 0xff;
    System.arraycopy(v4, 0, out, 12, 4);
    return out;
  }

  private static boolean isMapped(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
  }

  private static boolean isHex(int c) {
    return Character.digit(c, 16) >= 0 && c < 128;
  }
}
