package dev.aiinfra.core.read.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.aiinfra.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The reader as it was before issue 14 (snakeyaml's loader, then Jackson's valueToTree with sorted
 * map keys), kept as the oracle that valid YAML still reads to the same trees.
 */
final class LegacyYamlTrees {
  private static final ObjectMapper TREES = Json.mapper().copy().disable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

  private LegacyYamlTrees() {}

  static List<JsonNode> read(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(50);
    options.setNestingDepthLimit(100);
    options.setCodePointLimit(8 << 20);
    options.setAllowRecursiveKeys(false);
    Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options,
        new KubernetesResolver());
    List<JsonNode> docs = new ArrayList<>();
    for (Object o : yaml.loadAll(text)) {
      docs.add(o == null ? NullNode.getInstance() : TREES.valueToTree(o));
    }
    return docs;
  }

  private static final class KubernetesResolver extends Resolver {
    private static final Pattern NO_MATCH = Pattern.compile("(?!)");

    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO", 10);
      addImplicitResolver(Tag.INT, INT, "-+0123456789");
      addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
      addImplicitResolver(Tag.MERGE, MERGE, "<", 10);
      addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
      addImplicitResolver(Tag.NULL, EMPTY, null, 10);
      addImplicitResolver(Tag.TIMESTAMP, NO_MATCH, null, 10);
    }
  }
}
