package dev.aiinfra.core.model.quantity;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.validation.Violations;
import java.util.Optional;

/**
 * The one rule by which every command reads a quantity out of a Kubernetes object (requests,
 * limits, {@code spec.overhead}, a node's allocatable), so that {@code validate}, {@code cgroup pod}
 * and {@code gang place} agree on the same file:
 *
 * <ol>
 *   <li><b>decoding</b>, as the API server's {@code Quantity.UnmarshalJSON}: {@code null} (a key
 *       with no value, {@code memory:}) is zero; other text is trimmed and parsed by {@link
 *       Quantity#parse}; text that does not parse is an {@code Invalid} violation at its field with
 *       the API server's reason (the API server refuses to decode such an object);
 *   <li><b>validation</b>, as {@code ValidateNonnegativeQuantity}: a resource quantity is at least 0;
 *   <li><b>counting</b>, for the kubelet and kube-scheduler, which read a resource as a Go {@code
 *       int64} (CPU in millicores with {@code MilliValue()}, anything else in whole units with
 *       {@code Value()}) and silently wrap around past 2^63−1: ai-infra refuses such a value
 *       instead of computing with a wrapped one. The API server itself accepts it.
 * </ol>
 */
public final class QuantityField {
  private QuantityField() {}

  /** Decodes a field's text ({@code null} for a JSON null): the quantity, or empty with the violation added. */
  public static Optional<Quantity> decode(String text, FieldPath at, Violations v) {
    if (text == null) {
      return Optional.of(Quantity.ZERO);
    }
    try {
      return Optional.of(Quantity.parse(text));
    } catch (InvalidSpecException e) {
      e.violations().forEach(p -> v.invalid(at, QuantityParser.shown(text), p.detail()));
      return Optional.empty();
    }
  }

  /** Decodes a resource quantity and adds a violation when it is negative (it is still returned). */
  public static Optional<Quantity> resource(String text, FieldPath at, Violations v) {
    Optional<Quantity> q = decode(text, at, v);
    q.filter(x -> x.signum() < 0).ifPresent(x -> v.invalid(at, x, "must be greater than or equal to 0"));
    return q;
  }

  /**
   * Whether {@code counter} ("the kubelet", "kube-scheduler") can count {@code q} of {@code
   * resource} as a 64-bit integer; if not, an {@code Invalid} violation at {@code at} says so.
   */
  public static boolean countable(String resource, Quantity q, FieldPath at, String counter, Violations v) {
    if (fitsCount(resource, q)) {
      return true;
    }
    v.invalid(at, q, counter + (counter.contains(" and ") ? " count " : " counts ") + resource + (isCpu(resource) ? " in millicores" : "") + " as a 64-bit integer, at most "
        + maxCount(resource) + "; it would wrap this value around");
    return false;
  }

  /** Whether the kubelet's and kube-scheduler's 64-bit count of {@code resource} can hold {@code q}. */
  public static boolean fitsCount(String resource, Quantity q) {
    return isCpu(resource) ? q.hasMilliValue() : q.hasLongValue();
  }

  /** The largest count, as a quantity's text: {@code 9223372036854775807m} for CPU. */
  public static String maxCount(String resource) {
    return Long.MAX_VALUE + (isCpu(resource) ? "m" : "");
  }

  private static boolean isCpu(String resource) {
    return ResourceList.CPU.equals(resource);
  }
}
