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

  private static boolean isHex(int c) {
    return Character.digit(c, 16) >= 0;
  }
}
