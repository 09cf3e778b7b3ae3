package dev.aiinfra.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.aiinfra.core.read.InputError;
import dev.aiinfra.core.read.ManifestReadException;
import dev.aiinfra.core.read.ManifestReader;
import dev.aiinfra.core.read.ReadLimits;
import dev.aiinfra.core.read.SourcedObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/**
 * The safe reader with its default limits ({@code ManifestReader.withDefaults()}: 32 MiB, 8 Mi
 * characters per document, 50 aliases, nesting 100) on any text: it returns objects that each
 * have an apiVersion, a kind and metadata, or throws {@link ManifestReadException} whose every
 * error names the source and a rule without Java class names; nothing else escapes, it
 * finishes within {@link Bounded#LIMIT}, and what it accepts has at most 50 aliases per document.
 */
class ManifestReaderFuzzTest {
  private static final String SOURCE = "fuzz.yaml";

  @BeforeAll
  static void warmUp() throws Exception {
    // fabric8's kind registry loads on first use; not part of any input's time
    check("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: i}]}\n".getBytes(StandardCharsets.UTF_8));
  }

  @FuzzTest
  void readString(byte[] data) throws Exception {
    check(data);
  }

  static void check(byte[] data) throws Exception {
    String text = new String(data, StandardCharsets.UTF_8);
    List<SourcedObject> objects;
    try {
      objects = Bounded.call("ManifestReader.readString", () -> ManifestReader.withDefaults().readString(SOURCE, text));
    } catch (ManifestReadException e) {
      explains(e, text);
      return;
    } catch (Bounded.StepTimeout e) {
      throw e;
    } catch (Throwable t) {
      Findings.escaped("ManifestReader.readString", t);
      return;
    }
    int aliases = YamlAliases.mostInOneDocument(text);
    if (aliases > ReadLimits.defaults().maxAliases()) {
      Findings.report("the reader accepted a document with " + aliases + " aliases; the documented limit is "
          + ReadLimits.defaults().maxAliases());
    }
    for (SourcedObject o : objects) {
      if (o.object().getKind() == null || o.object().getApiVersion() == null || o.object().getMetadata() == null) {
        Findings.report("an object without apiVersion, kind or metadata was returned: " + o.origin());
      }
    }
  }

  private static void explains(ManifestReadException e, String input) {
    if (e.errors().isEmpty()) {
      Findings.report("ManifestReadException without errors");
    }
    for (InputError error : e.errors()) {
      if (!error.source().equals(SOURCE) || error.rule().isBlank()) {
        Findings.report("an error that does not name its source and rule: " + error);
      }
      ExitContract.check(new CommandRun(List.of("(reader)"), 2, "", "error: " + error + "\n"), input, SOURCE);
    }
  }
}
