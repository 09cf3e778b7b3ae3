package dev.aiinfra.dra.model;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.quantity.Quantity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A typed DRA device selector ({@code selectors[].cel.expression}): the driver, attributes and
 * capacities by fully qualified name, quantities through {@code quantity(...)} and versions through
 * {@code semver(...)}, combined with and/or/not. Names and literals are checked when built, so the
 * expression is one the API server's CEL environment accepts.
 *
 * <p>Every builder that takes a selector takes a {@code CelSelector} as well as CEL text
 * ({@link DeviceClassSpec.Builder#addSelector(CelSelector)}, {@link
 * DeviceSelection.Builder#addSelector(CelSelector)}); {@link #expression()} gives the text.
 *
 * <pre>{@code
 * DeviceClassSpec.builder().name("h100")
 *     .addSelector(CelSelector.allOf(
 *         CelSelector.driver("gpu.nvidia.com"),
 *         CelSelector.attribute("gpu.nvidia.com/productName").equalTo("NVIDIA H100 80GB HBM3"),
 *         CelSelector.capacity("gpu.nvidia.com/memory").atLeast("40Gi")))
 *     .build();
 * }</pre>
 */
public final class CelSelector {
  private final String expression;

  private CelSelector(String expression) {
    this.expression = expression;
  }

  /** Any hand-written expression, for what the typed builder does not cover. */
  public static CelSelector of(String expression) {
    if (expression.isBlank()) {
      throw new InvalidSpecException(List.of(FieldViolation.required(FieldPath.of("cel.expression"), "")));
    }
    return new CelSelector(expression);
  }

  public static CelSelector driver(String driver) {
    return new CelSelector("device.driver == " + literal(driver));
  }

  public static Attribute attribute(String qualifiedName) {
    return new Attribute("device.attributes", qualifiedName);
  }

  public static Capacity capacity(String qualifiedName) {
    return new Capacity(new Attribute("device.capacity", qualifiedName));
  }

  /** Shareable devices only ({@code allowMultipleAllocations}, DRAConsumableCapacity). */
  public static CelSelector shareable() {
    return new CelSelector("device.allowMultipleAllocations");
  }

  public static CelSelector allOf(CelSelector... parts) {
    return join(" && ", parts);
  }

  public static CelSelector anyOf(CelSelector... parts) {
    return join(" || ", parts);
  }

  public CelSelector and(CelSelector other) {
    return allOf(this, other);
  }

  public CelSelector or(CelSelector other) {
    return anyOf(this, other);
  }

  public CelSelector negate() {
    return new CelSelector("!(" + expression + ")");
  }

  public String expression() {
    return expression;
  }

  @Override
  public String toString() {
    return expression;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CelSelector c && c.expression.equals(expression);
  }

  @Override
  public int hashCode() {
    return expression.hashCode();
  }

  private static CelSelector join(String op, CelSelector... parts) {
    if (parts.length == 0) {
      throw new InvalidSpecException(List.of(FieldViolation.required(FieldPath.of("cel.expression"), "at least one selector to combine")));
    }
    if (parts.length == 1) {
      return parts[0];
    }
    return new CelSelector(Arrays.stream(parts).map(p -> "(" + p.expression + ")").collect(Collectors.joining(op)));
  }

  /** A CEL string literal, escaped. */
  static String literal(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '"' -> b.append("\\\"");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }

  /** An attribute (or, through {@link Capacity}, a capacity) by fully qualified name. */
  public static final class Attribute {
    private final String access;
    private final String domain;
    private final String id;

    Attribute(String map, String qualifiedName) {
      List<String> errors = new ArrayList<>(QualifiedNames.check(qualifiedName));
      if (!qualifiedName.contains("/")) {
        errors.add("must be fully qualified (<domain>/<name>); an unqualified name means the driver's domain, which a selector cannot know");
      }
      if (!errors.isEmpty()) {
        throw new InvalidSpecException(errors.stream().map(e -> FieldViolation.invalid(FieldPath.of("cel.expression"), qualifiedName, e)).toList());
      }
      this.domain = QualifiedNames.domain(qualifiedName, "");
      this.id = QualifiedNames.id(qualifiedName);
      this.access = map + "[" + literal(domain) + "]." + id;
    }

    /** The device publishes the attribute (missing ones would make plain access a runtime error). */
    public CelSelector exists() {
      return new CelSelector(literal(id) + " in " + access.substring(0, access.lastIndexOf('.')));
    }

    public CelSelector equalTo(String value) {
      return new CelSelector(access + " == " + literal(value));
    }

    public CelSelector equalTo(long value) {
      return new CelSelector(access + " == " + value);
    }

    public CelSelector equalTo(boolean value) {
      return new CelSelector(access + " == " + value);
    }

    public CelSelector isTrue() {
      return new CelSelector(access);
    }

    public CelSelector in(String... values) {
      return new CelSelector(access + " in [" + Arrays.stream(values).map(CelSelector::literal).collect(Collectors.joining(", ")) + "]");
    }

    public CelSelector atLeast(long value) {
      return new CelSelector(access + " >= " + value);
    }

    public CelSelector atMost(long value) {
      return new CelSelector(access + " <= " + value);
    }

    /** A version attribute compared as semantic versions ({@code 1.10.0 > 1.9.0}). */
    public CelSelector versionAtLeast(String version) {
      return new CelSelector(access + ".compareTo(semver(" + literal(checkVersion(version)) + ")) >= 0");
    }

    public CelSelector versionBelow(String version) {
      return new CelSelector(access + ".isLessThan(semver(" + literal(checkVersion(version)) + "))");
    }

    private static String checkVersion(String v) {
      if (!AttributeValue.SEMVER.matcher(v).matches()) {
        throw new InvalidSpecException(List.of(FieldViolation.invalid(FieldPath.of("cel.expression"), v, "must be a semantic version (semver 2.0.0)")));
      }
      return v;
    }
  }

  /** A capacity by fully qualified name, compared numerically as a quantity ({@code 40G < 40Gi}). */
  public static final class Capacity {
    private final Attribute attribute;

    Capacity(Attribute attribute) {
      this.attribute = attribute;
    }

    public CelSelector exists() {
      return attribute.exists();
    }

    public CelSelector atLeast(String quantity) {
      return compare(quantity, ">= 0");
    }

    public CelSelector atMost(String quantity) {
      return compare(quantity, "<= 0");
    }

    public CelSelector equalTo(String quantity) {
      return compare(quantity, "== 0");
    }

    private CelSelector compare(String quantity, String test) {
      if (!Quantity.isValid(quantity)) {
        throw new InvalidSpecException(List.of(FieldViolation.invalid(FieldPath.of("cel.expression"), quantity, "must be a Kubernetes quantity such as 40Gi")));
      }
      return new CelSelector(attribute.access + ".compareTo(quantity(" + literal(quantity) + ")) " + test);
    }
  }
}
