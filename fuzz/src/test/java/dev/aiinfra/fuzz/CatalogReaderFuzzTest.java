package dev.aiinfra.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.aiinfra.core.read.InputError;
import dev.aiinfra.core.read.ManifestReadException;
import dev.aiinfra.serving.model.pd.PdCatalog;
import dev.aiinfra.serving.read.CatalogReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/**
 * The prefill/decode planner's catalog reader ({@code CatalogReader.read}) on any JSON or YAML:
 * it returns a catalog or throws {@link ManifestReadException} naming the source, field path and
 * rule; nothing else escapes. The same file then goes through {@code pd plan --catalog FILE} and
 * {@code serve render --catalog FILE}, planning for the catalog's own first GPU and model when it
 * has them (built-in ones otherwise): each run keeps the {@link ExitContract}.
 */
class CatalogReaderFuzzTest {
  private static final String SOURCE = "fuzz-catalog.yaml";
  private static final InputFile FILE = new InputFile("catalog.yaml");

  @BeforeAll
  static void warmUp() throws Exception {
    // the first plan loads the planner's classes; not part of any input's time
    check(("models:\n- {id: tiny, layers: 2, hidden: 256, heads: 4, kvHeads: 2, headDim: 64, intermediate: 1024, vocab: 1000}\n")
        .getBytes(StandardCharsets.UTF_8));
  }

  @FuzzTest
  void catalog(byte[] data) throws Exception {
    check(data);
  }

  static void check(byte[] data) throws Exception {
    String input = new String(data, StandardCharsets.UTF_8);
    String model = "qwen3-8b";
    String system = "h100_sxm";
    try {
      PdCatalog c = Bounded.call("CatalogReader.read", () -> CatalogReader.read(SOURCE, new ByteArrayInputStream(data)));
      if (c == null) {
        Findings.report("CatalogReader.read returned null");
      } else {
        model = c.models().isEmpty() ? model : c.models().get(0).id();
        system = c.gpus().isEmpty() ? system : c.gpus().get(0).id();
      }
    } catch (ManifestReadException e) {
      for (InputError error : e.errors()) {
        if (!error.source().equals(SOURCE) || error.rule().isBlank()) {
          Findings.report("an error that does not name its source and rule: " + error);
        }
        ExitContract.check(new CommandRun(List.of("(catalog reader)"), 2, "", "error: " + error + "\n"), input, SOURCE);
      }
    } catch (Bounded.StepTimeout e) {
      throw e;
    } catch (Throwable t) {
      Findings.escaped("CatalogReader.read", t);
    }
    String file = FILE.write(data);
    List<String> plan = List.of("--catalog", file, "--model", model, "--system", system,
        "--total-gpus", "16", "--isl", "4000", "--osl", "500", "--ttft", "2000", "--tpot", "50");
    for (List<String> command : List.of(List.of("pd", "plan", "-o", "json"), List.of("serve", "render", "--name", "fuzz"))) {
      List<String> args = new ArrayList<>(command);
      args.addAll(plan);
      CommandRun.of(args).ifPresent(r -> ExitContract.check(r, input, file));
    }
  }
}
