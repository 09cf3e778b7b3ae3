package dev.aiinfra.core.model.node;

import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A node selector term: every label expression and every field expression must hold (field
 * expressions support {@code metadata.name}). Terms of a node selector are ORed; an empty term
 * matches nothing, as in the API.
 */
@Value.Immutable
public abstract class NodeSelectorTerm {
  public abstract List<NodeSelectorRequirement> matchExpressions();

  /** Requirements on node fields; the key is {@code metadata.name}. */
  public abstract List<NodeSelectorRequirement> matchFields();

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link NodeSelectorTerm}. */
  public static final class Builder extends ImmutableNodeSelectorTerm.Builder {}

  public static NodeSelectorTerm of(NodeSelectorRequirement... expressions) {
    return builder().addMatchExpressions(expressions).build();
  }

  public boolean matches(String nodeName, Map<String, String> labels) {
    if (matchExpressions().isEmpty() && matchFields().isEmpty()) {
      return false;
    }
    for (NodeSelectorRequirement r : matchExpressions()) {
      if (!r.matches(labels)) {
        return false;
      }
    }
    for (NodeSelectorRequirement r : matchFields()) {
      if (!r.matches(Map.of(r.key(), r.key().equals("metadata.name") ? nodeName : ""))) {
        return false;
      }
    }
    return true;
  }

  /** Whether any of {@code terms} matches (an empty list matches every node). */
  public static boolean anyMatches(List<NodeSelectorTerm> terms, String nodeName, Map<String, String> labels) {
    if (terms.isEmpty()) {
      return true;
    }
    for (NodeSelectorTerm t : terms) {
      if (t.matches(nodeName, labels)) {
        return true;
      }
    }
    return false;
  }
}
