package dev.aiinfra.dra.model;

import dev.aiinfra.core.model.validation.NameRules;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Attribute and capacity names: a C identifier of at most 32 characters, optionally {@code <DNS subdomain ≤ 63>/}. */
public final class QualifiedNames {
  private static final Pattern C_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private QualifiedNames() {}

  public static List<String> check(String name) {
    List<String> errors = new ArrayList<>();
    int slash = name.indexOf('/');
    String id = slash < 0 ? name : name.substring(slash + 1);
    if (slash >= 0) {
      String domain = name.substring(0, slash);
      if (domain.length() > 63) {
        errors.add("the domain must be no more than 63 characters");
      }
      errors.addAll(NameRules.dns1123Subdomain(domain));
    }
    if (id.length() > 32) {
      errors.add("the name must be no more than 32 characters");
    }
    if (!C_IDENTIFIER.matcher(id).matches()) {
      errors.add("the name must be a C identifier (letters, digits, '_', not starting with a digit)");
    }
    return errors;
  }

  /** The domain of a qualified name, or {@code defaultDomain} when unqualified. */
  public static String domain(String name, String defaultDomain) {
    int slash = name.indexOf('/');
    return slash < 0 ? defaultDomain : name.substring(0, slash);
  }

  public static String id(String name) {
    int slash = name.indexOf('/');
    return slash < 0 ? name : name.substring(slash + 1);
  }
}
