package dev.aiinfra.dra.model;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.Violations;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A device attribute value: exactly one of int, bool, string or version (semantic version 2.0.0);
 * strings and versions are at most 64 characters ({@code DeviceAttribute}).
 */
@Value.Immutable
public abstract class AttributeValue {
  /** Which of the four fields is set. */
  public enum Type {
    INT,
    BOOL,
    STRING,
    VERSION
  }

  /** The semver 2.0.0 grammar the API server checks versions against. */
  static final Pattern SEMVER = Pattern.compile(
      "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");
  public static final int MAX_LENGTH = 64;

  public abstract Type type();

  public abstract Optional<Long> intValue();

  public abstract Optional<Boolean> boolValue();

  public abstract Optional<String> stringValue();

  public abstract Optional<String> versionValue();

  public static AttributeValue ofInt(long v) {
    return ImmutableAttributeValue.builder().type(Type.INT).intValue(v).build();
  }

  public static AttributeValue ofBool(boolean v) {
    return ImmutableAttributeValue.builder().type(Type.BOOL).boolValue(v).build();
  }

  public static AttributeValue ofString(String v) {
    return ImmutableAttributeValue.builder().type(Type.STRING).stringValue(v).build();
  }

  public static AttributeValue ofVersion(String v) {
    return ImmutableAttributeValue.builder().type(Type.VERSION).versionValue(v).build();
  }

  /** The value as a plain object (Long, Boolean or String); versions as their text. */
  public Object raw() {
    switch (type()) {
      case INT:
        return intValue().get();
      case BOOL:
        return boolValue().get();
      case STRING:
        return stringValue().get();
      default:
        return versionValue().get();
    }
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    int set = (intValue().isPresent() ? 1 : 0) + (boolValue().isPresent() ? 1 : 0) + (stringValue().isPresent() ? 1 : 0) + (versionValue().isPresent() ? 1 : 0);
    if (set != 1) {
      v.invalid(FieldPath.root(), set, "exactly one value must be specified");
    }
    stringValue().filter(s -> s.length() > MAX_LENGTH).ifPresent(s -> v.tooLong(FieldPath.of("string"), MAX_LENGTH));
    versionValue().ifPresent(s -> {
      if (s.length() > MAX_LENGTH) {
        v.tooLong(FieldPath.of("version"), MAX_LENGTH);
      } else if (!SEMVER.matcher(s).matches()) {
        v.invalid(FieldPath.of("version"), s, "must be a string compatible with semver.org spec 2.0.0");
      }
    });
    v.throwIfAny();
  }
}
