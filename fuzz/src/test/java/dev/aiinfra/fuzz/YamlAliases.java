package dev.aiinfra.fuzz;

import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;

/**
 * Counts the aliases ({@code *name}) of YAML text from its parse events, without building
 * anything, so the documented limit (50 aliases, scalars included) can be checked against what the
 * reader accepted.
 */
final class YamlAliases {
  private YamlAliases() {}

  /** The most aliases in any one document, or -1 when the text does not parse as YAML events. */
  static int mostInOneDocument(String text) {
    int most = 0;
    int current = 0;
    try {
      for (Event e : new Yaml(new LoaderOptions()).parse(new StringReader(text))) {
        if (e instanceof DocumentStartEvent) {
          current = 0;
        } else if (e instanceof AliasEvent) {
          most = Math.max(most, ++current);
        }
      }
    } catch (RuntimeException e) {
      return -1;
    }
    return most;
  }
}
