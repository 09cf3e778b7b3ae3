package dev.aiinfra.observability.render;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.render.ManifestWriter;
import dev.aiinfra.observability.model.rules.RuleSet;

/**
 * Renders a {@link RuleSet} as a plain Prometheus rule file ({@code groups:}), for {@code promtool
 * check rules} / {@code promtool test rules} and for Prometheus servers run without the operator.
 */
public final class RuleFileRenderer {
  private RuleFileRenderer() {}

  public static String render(RuleSet rules) {
    ObjectNode file = JsonNodeFactory.instance.objectNode();
    file.set("groups", RuleGroupsWriter.groups(rules.groups()));
    return ManifestWriter.yamlOf(file);
  }
}
