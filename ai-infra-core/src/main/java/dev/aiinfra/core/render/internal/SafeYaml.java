package dev.aiinfra.core.render.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.DumperOptions;

/**
 * YAML loading with the safety limits a service needs for untrusted input: no custom tags (safe
 * constructor), bounded aliases (billion-laughs), bounded nesting and document size, duplicate keys
 * refused. Timestamps stay strings, as {@code sigs.k8s.io/yaml} leaves them.
 */
public final class SafeYaml {
  private SafeYaml() {}

  public static List<Object> loadAll(String text, int maxChars, int maxAliases, int maxNesting) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(maxAliases);
    options.setNestingDepthLimit(maxNesting);
    options.setCodePointLimit(maxChars);
    options.setAllowRecursiveKeys(false);
    Yaml yaml =
        new Yaml(
            new SafeConstructor(options),
            new Representer(new DumperOptions()),
            new DumperOptions(),
            options,
            new KubernetesResolver());
    List<Object> docs = new ArrayList<>();
    java.util.Iterator<Object> it = yaml.loadAll(text).iterator();
    while (true) {
      try {
        if (!it.hasNext()) {
          return docs;
        }
        docs.add(it.next());
      } catch (RuntimeException e) {
        throw new DocumentFailure(docs.size(), e);
      }
    }
  }

  /** A YAML failure with the index of the document being read when it happened. */
  public static final class DocumentFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int document;

    DocumentFailure(int document, RuntimeException cause) {
      super(cause.getMessage(), cause, false, false);
      this.document = document;
    }

    public int document() {
      return document;
    }
  }

  /** YAML 1.1 implicit types as go-yaml v2 resolves them, minus timestamps. */
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
