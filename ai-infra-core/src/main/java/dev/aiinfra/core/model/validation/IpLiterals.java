package dev.aiinfra.core.model.validation;

/** IP literal syntax, checked by hand so that validation never triggers a name lookup. */
final class IpLiterals {
  private IpLiterals() {}

  static boolean isIp(String s) {
    return isIpv4(s) || isIpv6(s);
  }

  static boolean isIpv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
        return false;
      }
      if (Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  static boolean isIpv6(String s) {
    if (s.isEmpty() || !s.contains(":") || s.contains("%")) {
      return false;
    }
    int doubleColon = s.indexOf("::");
    if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
      return false;
    }
    String head = doubleColon >= 0 ? s.substring(0, doubleColon) : s;
    String tail = doubleColon >= 0 ? s.substring(doubleColon + 2) : "";
    int groups = 0;
    String[] headParts = head.isEmpty() ? new String[0] : head.split(":", -1);
    String[] tailParts = tail.isEmpty() ? new String[0] : tail.split(":", -1);
    String[][] all = {headParts, tailParts};
    for (int side = 0; side < 2; side++) {
      String[] parts = all[side];
      for (int i = 0; i < parts.length; i++) {
        String p = parts[i];
        boolean last = side == (doubleColon >= 0 ? 1 : 0) && i == parts.length - 1;
        if (last && p.contains(".")) {
          if (!isIpv4(p)) {
            return false;
          }
          groups += 2;
        } else if (p.isEmpty() || p.length() > 4 || !p.chars().allMatch(IpLiterals::isHex)) {
          return false;
        } else {
          groups++;
        }
      }
    }
    return doubleColon >= 0 ? groups < 8 : groups == 8;
  }

  /** Whether an IPv4 literal (alone or inside IPv6) has an octet with a leading 0, e.g. {@code 010.1.1.1}. */
  static boolean hasLeadingZeros(String s) {
    String v4 = s.contains(":") ? s.substring(s.lastIndexOf(':') + 1) : s;
    if (!v4.contains(".")) {
      return false;
    }
    for (String p : v4.split("\\.", -1)) {
      if (p.length() > 1 && p.charAt(0) == '0') {
        return true;
      }
    }
    return false;
  }

  /** Whether a valid IPv6 literal is an IPv4-mapped address ({@code ::ffff:a.b.c.d}). */
  static boolean isIpv4Mapped(String s) {
    if (!isIpv6(s)) {
      return false;
    }
    int[] groups = new int[8];
    int doubleColon = s.indexOf("::");
    String head = doubleColon >= 0 ? s.substring(0, doubleColon) : s;
    String tail = doubleColon >= 0 ? s.substring(doubleColon + 2) : "";
    java.util.List<Integer> h = groupsOf(head);
    java.util.List<Integer> t = groupsOf(tail);
    for (int i = 0; i < h.size(); i++) {
      groups[i] = h.get(i);
    }
    for (int i = 0; i < t.size(); i++) {
      groups[8 - t.size() + i] = t.get(i);
    }
    for (int i = 0; i < 5; i++) {
      if (groups[i] != 0) {
        return false;
      }
    }
    return groups[5] == 0xffff;
  }

  private static java.util.List<Integer> groupsOf(String part) {
    java.util.List<Integer> out = new java.util.ArrayList<>();
    if (part.isEmpty()) {
      return out;
    }
    for (String g : part.split(":", -1)) {
      if (g.contains(".")) {
        String[] o = g.split("\\.");
        out.add(Integer.parseInt(o[0]) << 8 | Integer.parseInt(o[1]));
        out.add(Integer.parseInt(o[2]) << 8 | Integer.parseInt(o[3]));
      } else {
        out.add(Integer.parseInt(g, 16));
      }
    }
    return out;
  }

  private static boolean isHex(int c) {
    return Character.digit(c, 16) >= 0;
  }
}
