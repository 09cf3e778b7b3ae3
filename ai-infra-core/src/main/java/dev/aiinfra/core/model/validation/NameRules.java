package dev.aiinfra.core.model.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The API server's name and label rules ({@code k8s.io/apimachinery/pkg/util/validation}). Each
 * check returns the list of problems in the API server's words; empty means valid.
 */
public final class NameRules {
  public static final int DNS1123_LABEL_MAX = 63;
  public static final int DNS1123_SUBDOMAIN_MAX = 253;
  public static final int DNS1035_LABEL_MAX = 63;
  public static final int QUALIFIED_NAME_MAX = 63;
  public static final int LABEL_VALUE_MAX = 63;

  private static final String DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final Pattern DNS1123_LABEL = Pattern.compile(DNS1123_LABEL_FMT);
  private static final String DNS1123_SUBDOMAIN_FMT =
      DNS1123_LABEL_FMT + "(\\." + DNS1123_LABEL_FMT + ")*";
  private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(DNS1123_SUBDOMAIN_FMT);
  private static final String DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
  private static final Pattern DNS1035_LABEL = Pattern.compile(DNS1035_LABEL_FMT);
  private static final String QUALIFIED_NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  private static final Pattern QUALIFIED_NAME = Pattern.compile(QUALIFIED_NAME_FMT);
  private static final String LABEL_VALUE_FMT = "(" + QUALIFIED_NAME_FMT + ")?";
  private static final Pattern LABEL_VALUE = Pattern.compile(LABEL_VALUE_FMT);
  private static final Pattern C_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  // RelaxedDNSSearchValidation (GA 1.34): a label may start with one '_' and hold '_' inside.
  private static final String RELAXED_LABEL_FMT = "_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?";
  private static final Pattern RELAXED_SUBDOMAIN =
      Pattern.compile(RELAXED_LABEL_FMT + "(\\." + RELAXED_LABEL_FMT + ")*");

  private NameRules() {}

  /** RFC 1123 label: container names, DNS-label names, pod group names. */
  public static List<String> dns1123Label(String value) {
    List<String> errors = new ArrayList<>();
    if (value.length() > DNS1123_LABEL_MAX) {
      errors.add(maxLength(DNS1123_LABEL_MAX));
    }
    if (!DNS1123_LABEL.matcher(value).matches()) {
      errors.add(
          regexError(
              "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-',"
                  + " and must start and end with an alphanumeric character",
              DNS1123_LABEL_FMT,
              "my-name",
              "123-abc"));
    }
    return errors;
  }

  /** RFC 1123 subdomain: most object names. */
  public static List<String> dns1123Subdomain(String value) {
    List<String> errors = new ArrayList<>();
    if (value.length() > DNS1123_SUBDOMAIN_MAX) {
      errors.add(maxLength(DNS1123_SUBDOMAIN_MAX));
    }
    if (!DNS1123_SUBDOMAIN.matcher(value).matches()) {
      errors.add(
          regexError(
              "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters,"
                  + " '-' or '.', and must start and end with an alphanumeric character",
              DNS1123_SUBDOMAIN_FMT,
              "example.com",
              null));
    }
    return errors;
  }

  /** RFC 1035 label: Service names and names that become one (LeaderWorkerSet). */
  public static List<String> dns1035Label(String value) {
    List<String> errors = new ArrayList<>();
    if (value.length() > DNS1035_LABEL_MAX) {
      errors.add(maxLength(DNS1035_LABEL_MAX));
    }
    if (!DNS1035_LABEL.matcher(value).matches()) {
      errors.add(
          regexError(
              "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with"
                  + " an alphabetic character, and end with an alphanumeric character",
              DNS1035_LABEL_FMT,
              "my-name",
              "abc-123"));
    }
    return errors;
  }

  /** A DNS search domain with the relaxed rules of 1.34+ ('_' allowed; a single '.' allowed). */
  public static List<String> relaxedSearchDomain(String value) {
    if (value.equals(".")) {
      return List.of();
    }
    String trimmed = value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
    List<String> errors = new ArrayList<>();
    if (trimmed.length() > DNS1123_SUBDOMAIN_MAX) {
      errors.add(maxLength(DNS1123_SUBDOMAIN_MAX));
    }
    if (!RELAXED_SUBDOMAIN.matcher(trimmed).matches()) {
      errors.add(
          "must consist of lower case alphanumeric characters, '-', '_' or '.', and must start and"
              + " end with an alphanumeric character (or '_' at the start of a label)");
    }
    return errors;
  }

  /** Label and annotation keys: optional DNS-subdomain prefix, '/', and a name of up to 63 characters. */
  public static List<String> qualifiedName(String value) {
    List<String> errors = new ArrayList<>();
    String[] parts = value.split("/", -1);
    String name;
    if (parts.length == 1) {
      name = parts[0];
    } else if (parts.length == 2) {
      String prefix = parts[0];
      name = parts[1];
      if (prefix.isEmpty()) {
        errors.add("prefix part must be non-empty");
      } else {
        for (String e : dns1123Subdomain(prefix)) {
          errors.add("prefix part " + e);
        }
      }
    } else {
      errors.add(
          "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start"
              + " and end with an alphanumeric character with an optional DNS subdomain prefix and '/'"
              + " (e.g. 'example.com/MyName')");
      return errors;
    }
    if (name.isEmpty()) {
      errors.add("name part must be non-empty");
    } else {
      if (name.length() > QUALIFIED_NAME_MAX) {
        errors.add("name part " + maxLength(QUALIFIED_NAME_MAX));
      }
      if (!QUALIFIED_NAME.matcher(name).matches()) {
        errors.add(
            "name part "
                + regexError(
                    "must consist of alphanumeric characters, '-', '_' or '.', and must start and end"
                        + " with an alphanumeric character",
                    QUALIFIED_NAME_FMT,
                    "MyName",
                    "my.name"));
      }
    }
    return errors;
  }

  /** Label values: empty, or up to 63 alphanumerics with '-', '_', '.' inside. */
  public static List<String> labelValue(String value) {
    List<String> errors = new ArrayList<>();
    if (value.length() > LABEL_VALUE_MAX) {
      errors.add(maxLength(LABEL_VALUE_MAX));
    }
    if (!LABEL_VALUE.matcher(value).matches()) {
      errors.add(
          regexError(
              "a valid label must be an empty string or consist of alphanumeric characters, '-', '_'"
                  + " or '.', and must start and end with an alphanumeric character",
              LABEL_VALUE_FMT,
              "MyValue",
              "my_value"));
    }
    return errors;
  }

  /** Environment variable names as C identifiers (the strict, pre-RelaxedEnvironmentVariable rule). */
  public static List<String> cIdentifier(String value) {
    return C_IDENTIFIER.matcher(value).matches()
        ? List.of()
        : List.of(
            regexError(
                "a valid C identifier must start with alphabetic character or '_', followed by a"
                    + " string of alphanumeric characters or '_'",
                "[A-Za-z_][A-Za-z0-9_]*",
                "my_name",
                "MY_NAME"));
  }

  public static final int PORT_NAME_MAX = 15;
  private static final Pattern PORT_NAME_CHARS = Pattern.compile("[-a-z0-9]+");
  private static final Pattern PORT_NAME_LETTER = Pattern.compile(".*[a-z].*");

  /** A container or service port name (IANA_SVC_NAME): up to 15 of a-z, 0-9 and '-', one letter, no '--' or edge '-'. */
  public static List<String> portName(String value) {
    List<String> errors = new ArrayList<>();
    if (value.length() > PORT_NAME_MAX) {
      errors.add(maxLength(PORT_NAME_MAX));
    }
    if (!PORT_NAME_CHARS.matcher(value).matches()) {
      errors.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
    }
    if (!PORT_NAME_LETTER.matcher(value).matches()) {
      errors.add("must contain at least one letter (a-z)");
    }
    if (value.contains("--")) {
      errors.add("must not contain consecutive hyphens");
    }
    if (!value.isEmpty() && (value.charAt(0) == '-' || value.charAt(value.length() - 1) == '-')) {
      errors.add("must not begin or end with a hyphen");
    }
    return errors;
  }

  /**
   * Environment variable names with RelaxedEnvironmentVariableValidation (GA and locked on since
   * 1.34): any printable ASCII character except '='.
   */
  public static List<String> relaxedEnvVarName(String value) {
    List<String> errors = new ArrayList<>();
    if (value.isEmpty()) {
      errors.add("environment variable name must be non-empty");
    }
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch < 0x20 || ch > 0x7e || ch == '=') {
        errors.add("a valid environment variable name must consist only of printable ASCII characters other than '='");
        break;
      }
    }
    return errors;
  }

  /** An IPv4 or IPv6 literal (no zone, no host names: nothing is looked up). */
  public static List<String> ipAddress(String value) {
    return IpLiterals.isIp(value)
        ? List.of()
        : List.of("must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
  }

  /**
   * An IP literal for a legacy API field with StrictIPCIDRValidation (beta, on by default since
   * 1.36): a valid IP, and no IPv4 octet with a leading 0 nor an IPv4-mapped IPv6 address.
   */
  public static List<String> strictLegacyIpAddress(String value) {
    if (!IpLiterals.isIp(value)) {
      return ipAddress(value);
    }
    List<String> errors = new ArrayList<>();
    if (IpLiterals.hasLeadingZeros(value)) {
      errors.add("must not have leading 0s");
    }
    if (IpLiterals.isIpv4Mapped(value)) {
      errors.add("must not be an IPv4-mapped IPv6 address");
    }
    return errors;
  }

  /**
   * An address as the kubelet prints it after parsing (Go's {@code net.IP} string): IPv4 dotted
   * without leading zeros (IPv4-mapped IPv6 too), IPv6 in RFC 5952 form; {@code value} itself
   * when it is not an address.
   */
  public static String canonicalIp(String value) {
    byte[] b = IpLiterals.parse(value);
    return b == null ? value : IpLiterals.canonical(b);
  }

  private static String maxLength(int max) {
    return "must be no more than " + max + " characters";
  }

  private static String regexError(String msg, String fmt, String example1, String example2) {
    StringBuilder text = new StringBuilder(msg).append(" (e.g. '").append(example1).append('\'');
    if (example2 != null) {
      text.append(", or '").append(example2).append('\'');
    }
    return text.append(", regex used for validation is '").append(fmt).append("')").toString();
  }
}
