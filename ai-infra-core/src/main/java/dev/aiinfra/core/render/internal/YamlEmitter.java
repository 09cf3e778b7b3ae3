package dev.aiinfra.core.render.internal;

import java.math.BigDecimal;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Block-style YAML in kubectl's layout (two-space indent, sequences flush with their key), with
 * quotes only where a plain scalar would read back as another type, multi-line strings as literal
 * blocks, and no line folding.
 */
public final class YamlEmitter {
  private static final ThreadLocal<Yaml> YAML = ThreadLocal.withInitial(YamlEmitter::create);

  private YamlEmitter() {}

  public static String dump(Object plain) {
    return YAML.get().dump(plain);
  }

  private static Yaml create() {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(0);
    options.setWidth(Integer.MAX_VALUE);
    options.setSplitLines(false);
    options.setLineBreak(DumperOptions.LineBreak.UNIX);
    return new Yaml(new KubeRepresenter(options), options);
  }

  /** Strings with line breaks as literal blocks; decimals in plain notation. */
  private static final class KubeRepresenter extends Representer {
    KubeRepresenter(DumperOptions options) {
      super(options);
      Represent plainString = representers.get(String.class);
      representers.put(
          String.class,
          data -> {
            String s = (String) data;
            if (s.indexOf('\n') >= 0 && isLiteralSafe(s)) {
              return representScalar(Tag.STR, s, DumperOptions.ScalarStyle.LITERAL);
            }
            return plainString.representData(data);
          });
      representers.put(
          BigDecimal.class,
          data -> representScalar(Tag.FLOAT, ((BigDecimal) data).toPlainString()));
    }

    private static boolean isLiteralSafe(String s) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if ((c < 0x20 && c != '\n') || c == 0x7f) {
          return false;
        }
        if (c == ' ' && (i + 1 == s.length() || s.charAt(i + 1) == '\n')) {
          return false; // trailing spaces would not survive a literal block
        }
      }
      return true;
    }
  }
}
