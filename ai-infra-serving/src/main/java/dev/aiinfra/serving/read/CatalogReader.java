package dev.aiinfra.serving.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.read.InputError;
import dev.aiinfra.core.read.ManifestReadException;
import dev.aiinfra.core.read.TreeReader;
import dev.aiinfra.serving.model.pd.GpuSpec;
import dev.aiinfra.serving.model.pd.MlaSpec;
import dev.aiinfra.serving.model.pd.ModelSpec;
import dev.aiinfra.serving.model.pd.MoeSpec;
import dev.aiinfra.serving.model.pd.PdCatalog;
import dev.aiinfra.serving.model.pd.Precision;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads a planner catalog: {@code {"gpus":[…],"models":[…]}} in JSON or YAML with the field names
 * of {@link GpuSpec} and {@link ModelSpec}. The shipped catalog is {@link PdCatalog#builtin()};
 * users add their own with {@link #read(Path)} and {@link PdCatalog#withAdded(PdCatalog)}. Text is read by core's safe
 * {@link TreeReader}, within the same limits as manifests. Every problem is reported with the file
 * and field path, and nothing is returned unless the whole catalog is valid.
 */
public final class CatalogReader {
  private static final Set<String> GPU_FIELDS = Set.of("id", "name", "sources", "bf16FlopsPerSecond", "fp8FlopsPerSecond", "memoryBytes",
      "memoryBytesPerSecond", "interconnectBytesPerSecond", "networkBytesPerSecond", "gpusPerNode", "reservedBytes");
  private static final Set<String> MODEL_FIELDS = Set.of("id", "hfId", "aliases", "sources", "layers", "hidden", "heads", "kvHeads", "headDim",
      "intermediate", "vocab", "tiedEmbeddings", "weights", "kvCache", "moe", "mla");

  private final String source;
  private final List<InputError> errors = new ArrayList<>();

  private CatalogReader(String source) {
    this.source = source;
  }

  /** Reads a catalog file (JSON or YAML). */
  public static PdCatalog read(Path file) {
    return new CatalogReader(file.toString()).catalog(TreeReader.withDefaults().single(file));
  }

  /** Reads a catalog from a stream; {@code source} names it in errors. */
  public static PdCatalog read(String source, InputStream in) {
    return new CatalogReader(source).catalog(TreeReader.withDefaults().single(source, in));
  }

  private PdCatalog catalog(JsonNode root) {
    PdCatalog.Builder b = PdCatalog.builder();
    if (!root.isObject()) {
      fail("", "must be an object with gpus and models");
      throw new ManifestReadException(errors);
    }
    each(root, "gpus", (node, path) -> gpu(node, path, b));
    each(root, "models", (node, path) -> model(node, path, b));
    if (!errors.isEmpty()) {
      throw new ManifestReadException(errors);
    }
    // The catalog's own rules (unique GPU and model ids) are only known once every entry is read.
    PdCatalog catalog = build("", b::build);
    if (!errors.isEmpty()) {
      throw new ManifestReadException(errors);
    }
    return catalog;
  }

  private interface Item {
    void read(JsonNode node, String path);
  }

  private void each(JsonNode root, String field, Item item) {
    JsonNode list = root.get(field);
    if (list == null) {
      return;
    }
    if (!list.isArray()) {
      fail(field, "must be a list");
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      String path = field + "[" + i + "]";
      if (!list.get(i).isObject()) {
        fail(path, "must be an object");
      } else {
        item.read(list.get(i), path);
      }
    }
  }

  private void gpu(JsonNode n, String path, PdCatalog.Builder catalog) {
    unknown(n, path, GPU_FIELDS);
    GpuSpec.Builder b = GpuSpec.builder();
    text(n, path, "id", true, b::id);
    text(n, path, "name", false, b::name);
    strings(n, path, "sources", b::addSources);
    number(n, path, "bf16FlopsPerSecond", true, b::bf16FlopsPerSecond);
    number(n, path, "fp8FlopsPerSecond", false, b::fp8FlopsPerSecond);
    whole(n, path, "memoryBytes", true, 1, Long.MAX_VALUE, b::memoryBytes);
    number(n, path, "memoryBytesPerSecond", true, b::memoryBytesPerSecond);
    number(n, path, "interconnectBytesPerSecond", true, b::interconnectBytesPerSecond);
    number(n, path, "networkBytesPerSecond", true, b::networkBytesPerSecond);
    whole(n, path, "gpusPerNode", false, 1, Integer.MAX_VALUE, v -> b.gpusPerNode((int) v));
    whole(n, path, "reservedBytes", false, 0, Long.MAX_VALUE, b::reservedBytes);
    GpuSpec gpu = build(path, b::build);
    if (gpu != null) {
      catalog.addGpus(gpu);
    }
  }

  private void model(JsonNode n, String path, PdCatalog.Builder catalog) {
    unknown(n, path, MODEL_FIELDS);
    ModelSpec.Builder b = ModelSpec.builder();
    text(n, path, "id", true, b::id);
    text(n, path, "hfId", false, b::hfId);
    strings(n, path, "aliases", b::addAliases);
    strings(n, path, "sources", b::addSources);
    integer(n, path, "layers", true, b::layers);
    integer(n, path, "hidden", true, b::hidden);
    integer(n, path, "heads", true, b::heads);
    integer(n, path, "kvHeads", true, b::kvHeads);
    integer(n, path, "headDim", true, b::headDim);
    integer(n, path, "intermediate", true, b::intermediate);
    integer(n, path, "vocab", true, b::vocab);
    if (n.has("tiedEmbeddings")) {
      if (n.get("tiedEmbeddings").isBoolean()) {
        b.tiedEmbeddings(n.get("tiedEmbeddings").booleanValue());
      } else {
        fail(path + ".tiedEmbeddings", "must be true or false");
      }
    }
    precision(n, path, "weights", b::weights);
    precision(n, path, "kvCache", b::kvCache);
    JsonNode moe = n.get("moe");
    if (moe != null) {
      MoeSpec.Builder m = MoeSpec.builder();
      String p = path + ".moe";
      integer(moe, p, "experts", true, m::experts);
      integer(moe, p, "expertsPerToken", true, m::expertsPerToken);
      integer(moe, p, "expertIntermediate", true, m::expertIntermediate);
      integer(moe, p, "sharedExperts", false, m::sharedExperts);
      integer(moe, p, "denseLayers", false, m::denseLayers);
      MoeSpec spec = build(p, m::build);
      if (spec != null) {
        b.moe(spec);
      }
    }
    JsonNode mla = n.get("mla");
    if (mla != null) {
      MlaSpec.Builder m = MlaSpec.builder();
      String p = path + ".mla";
      integer(mla, p, "qLoraRank", false, m::qLoraRank);
      integer(mla, p, "kvLoraRank", true, m::kvLoraRank);
      integer(mla, p, "qkNopeHeadDim", true, m::qkNopeHeadDim);
      integer(mla, p, "qkRopeHeadDim", true, m::qkRopeHeadDim);
      integer(mla, p, "vHeadDim", true, m::vHeadDim);
      MlaSpec spec = build(p, m::build);
      if (spec != null) {
        b.mla(spec);
      }
    }
    ModelSpec model = build(path, b::build);
    if (model != null) {
      catalog.addModels(model);
    }
  }

  private void unknown(JsonNode n, String path, Set<String> known) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!known.contains(f)) {
        fail(path + "." + f, "unknown field");
      }
    }
  }

  private void text(JsonNode n, String path, String field, boolean required, java.util.function.Consumer<String> set) {
    JsonNode v = n.get(field);
    if (v == null) {
      if (required) {
        fail(path + "." + field, "required");
      }
    } else if (!v.isTextual()) {
      fail(path + "." + field, "must be a string");
    } else {
      set.accept(v.textValue());
    }
  }

  private void strings(JsonNode n, String path, String field, java.util.function.Consumer<String> add) {
    JsonNode v = n.get(field);
    if (v == null) {
      return;
    }
    if (!v.isArray()) {
      fail(path + "." + field, "must be a list of strings");
      return;
    }
    for (int i = 0; i < v.size(); i++) {
      if (v.get(i).isTextual()) {
        add.accept(v.get(i).textValue());
      } else {
        fail(path + "." + field + "[" + i + "]", "must be a string");
      }
    }
  }

  private void number(JsonNode n, String path, String field, boolean required, java.util.function.DoubleConsumer set) {
    JsonNode v = n.get(field);
    if (v == null) {
      if (required) {
        fail(path + "." + field, "required");
      }
    } else if (!v.isNumber()) {
      fail(path + "." + field, "must be a number");
    } else {
      set.accept(v.doubleValue());
    }
  }

  private void integer(JsonNode n, String path, String field, boolean required, java.util.function.IntConsumer set) {
    whole(n, path, field, required, Integer.MIN_VALUE, Integer.MAX_VALUE, v -> set.accept((int) v));
  }

  /**
   * A whole number from {@code min} to {@code max}: {@code 8} and {@code 8.0} are 8, while {@code
   * 8.9}, {@code 1e400} or a value out of range is refused at its field, never cut or rounded.
   */
  private void whole(JsonNode n, String path, String field, boolean required, long min, long max, java.util.function.LongConsumer set) {
    JsonNode v = n.get(field);
    if (v == null) {
      if (required) {
        fail(path + "." + field, "required");
      }
      return;
    }
    java.math.BigDecimal d = exact(v);
    if (d == null || d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
      fail(path + "." + field, "must be a whole number, not " + v.asText());
    } else if (d.compareTo(java.math.BigDecimal.valueOf(min)) < 0 || d.compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
      fail(path + "." + field, "must be a whole number from " + min + " to " + max + ", not " + v.asText());
    } else {
      set.accept(d.longValueExact());
    }
  }

  /** The exact value of a finite number node; {@code null} for anything else. */
  private static java.math.BigDecimal exact(JsonNode v) {
    if (!v.isNumber() || (v.isFloatingPointNumber() && !Double.isFinite(v.doubleValue()) && !v.isBigDecimal())) {
      return null;
    }
    return v.isIntegralNumber() ? new java.math.BigDecimal(v.bigIntegerValue()) : v.decimalValue();
  }

  private void precision(JsonNode n, String path, String field, java.util.function.Consumer<Precision> set) {
    JsonNode v = n.get(field);
    if (v == null) {
      return;
    }
    try {
      set.accept(Precision.valueOf(v.asText().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      fail(path + "." + field, "must be one of BF16, FP8");
    }
  }

  private <T> T build(String path, Supplier<T> builder) {
    try {
      return builder.get();
    } catch (InvalidSpecException e) {
      for (FieldViolation v : e.violations()) {
        String field = path.isEmpty() ? v.field() : path + "." + v.field();
        // A field already refused (say, memoryBytes: 1e30) is then missing: report it once.
        if (errors.stream().noneMatch(x -> x.field().equals(field))) {
          fail(field, v.detail().isEmpty() ? v.message() : v.detail());
        }
      }
    } catch (IllegalStateException e) {
      // Immutables reports missing required attributes this way; they are already listed.
      if (errors.isEmpty()) {
        fail(path, e.getMessage());
      }
    }
    return null;
  }

  private void fail(String field, String rule) {
    errors.add(new InputError(source, java.util.OptionalInt.empty(), field, rule));
  }
}
