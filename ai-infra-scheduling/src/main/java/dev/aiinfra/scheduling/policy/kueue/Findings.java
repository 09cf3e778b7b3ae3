package dev.aiinfra.scheduling.policy.kueue;

import dev.aiinfra.core.model.FieldErrorType;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.validation.NameRules;
import dev.aiinfra.scheduling.model.SchedulingCode;
import java.util.ArrayList;
import java.util.List;

/** The findings of one object's validation, collected in rule order; one per validation. */
final class Findings {
  private final String object;
  private final List<KueueFinding> found = new ArrayList<>();

  Findings(String object) {
    this.object = object;
  }

  void add(SchedulingCode code, FieldViolation violation, String hint) {
    found.add(new KueueFinding(object, code, violation, hint));
  }

  void invalid(SchedulingCode code, FieldPath at, Object value, String detail, String hint) {
    add(code, FieldViolation.invalid(at, value, detail), hint);
  }

  void tooMany(FieldPath at, int actual, int max) {
    add(SchedulingCode.KUEUE_TOO_MANY, FieldViolation.of(at, FieldErrorType.TooMany, actual, "must have at most " + max + " items"),
        "Kueue allows at most " + max + " here; split the list or drop entries.");
  }

  void required(FieldPath at, String detail) {
    add(SchedulingCode.KUEUE_REQUIRED, FieldViolation.required(at, detail), "Set " + at + ".");
  }

  /** A reference to a Kueue object by name: a DNS-1123 subdomain, as the CRD's pattern requires. */
  void objectName(FieldPath at, String value) {
    if (value.isEmpty()) {
      required(at, "");
      return;
    }
    for (String e : NameRules.dns1123Subdomain(value)) {
      invalid(SchedulingCode.KUEUE_NAME_INVALID, at, value, e,
          "Use lower-case letters, digits, '-' and '.', e.g. \"" + suggestion(value) + "\".");
    }
  }

  /** A resource name (coveredResources): a qualified name, as Kueue's webhook requires. */
  void resourceName(FieldPath at, String value) {
    for (String e : NameRules.qualifiedName(value)) {
      invalid(SchedulingCode.KUEUE_NAME_INVALID, at, value, e, "Use a resource name such as cpu, memory or nvidia.com/gpu.");
    }
  }

  void labelKey(FieldPath at, String key) {
    for (String e : NameRules.qualifiedName(key)) {
      invalid(SchedulingCode.KUEUE_LABEL_INVALID, at, key, e, "Use a label key such as nvidia.com/gpu.product.");
    }
  }

  void labelValue(FieldPath at, String value) {
    for (String e : NameRules.labelValue(value)) {
      invalid(SchedulingCode.KUEUE_LABEL_INVALID, at, value, e, "Use the node label's value exactly as the nodes carry it.");
    }
  }

  List<KueueFinding> list() {
    return List.copyOf(found);
  }

  /** A lower-case, dash-separated form of a name, for the hint. */
  private static String suggestion(String value) {
    String s = value.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-").replaceAll("^[-.]+|[-.]+$", "");
    return s.isEmpty() ? "gpu-queue" : s.length() > 253 ? s.substring(0, 253) : s;
  }
}
