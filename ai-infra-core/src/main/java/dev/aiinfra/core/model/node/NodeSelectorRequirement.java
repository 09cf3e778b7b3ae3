package dev.aiinfra.core.model.node;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.Violations;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * One node selector requirement. {@code Gt} and {@code Lt} compare the label as an integer; a
 * label that is absent or not an integer does not match, as in the API.
 */
@Value.Immutable
public abstract class NodeSelectorRequirement {
  @Value.Parameter
  public abstract String key();

  @Value.Parameter
  public abstract NodeSelectorOperator operator();

  @Value.Parameter
  public abstract List<String> values();

  public static NodeSelectorRequirement of(String key, NodeSelectorOperator operator, String... values) {
    return ImmutableNodeSelectorRequirement.of(key, operator, List.of(values));
  }

  public boolean matches(Map<String, String> labels) {
    String v = labels.get(key());
    switch (operator()) {
      case In:
        return v != null && values().contains(v);
      case NotIn:
        return v == null || !values().contains(v);
      case Exists:
        return v != null;
      case DoesNotExist:
        return v == null;
      case Gt:
      case Lt:
        if (v == null) {
          return false;
        }
        try {
          long have = Long.parseLong(v);
          long want = Long.parseLong(values().get(0));
          return operator() == NodeSelectorOperator.Gt ? have > want : have < want;
        } catch (NumberFormatException e) {
          return false;
        }
      default:
        return false;
    }
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    switch (operator()) {
      case In:
      case NotIn:
        if (values().isEmpty()) {
          v.required(FieldPath.of("values"), "must be specified when `operator` is 'In' or 'NotIn'");
        }
        break;
      case Exists:
      case DoesNotExist:
        if (!values().isEmpty()) {
          v.forbidden(FieldPath.of("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
        }
        break;
      default:
        if (values().size() != 1) {
          v.required(FieldPath.of("values"), "must be specified single value when `operator` is 'Lt' or 'Gt'");
        } else {
          try {
            Long.parseLong(values().get(0));
          } catch (NumberFormatException e) {
            v.invalid(FieldPath.of("values").index(0), values().get(0), "must be an integer");
          }
        }
    }
    v.throwIfAny();
  }
}
