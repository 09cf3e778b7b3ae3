package dev.aiinfra.core.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.aiinfra.core.read.internal.JsonDocuments;
import dev.aiinfra.core.read.internal.TreeLimits;
import dev.aiinfra.core.read.internal.TreeReadException;
import dev.aiinfra.core.read.internal.YamlTrees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * The one safe entry point for every YAML or JSON file ai-infra reads: Kubernetes manifests
 * ({@link ManifestReader}), {@code pd plan} output and planner catalogs. Text becomes Jackson
 * trees within {@link ReadLimits}, in time linear in its length; YAML means what it means to
 * {@code kubectl} ({@code sigs.k8s.io/yaml}: YAML 1.1 scalars, timestamps as strings, integer and
 * boolean map keys as their text). Invalid input is a {@link ManifestReadException} naming the
 * source, the document, the field path and the rule, never a parser's stack trace.
 *
 * <p>JSON is recognised by its first character (an opening brace or bracket); concatenated values and
 * the items of a top-level array are documents.
 */
public final class TreeReader {
  private final ReadLimits limits;

  private TreeReader(ReadLimits limits) {
    this.limits = limits;
  }

  public static TreeReader withDefaults() {
    return new TreeReader(ReadLimits.defaults());
  }

  public static TreeReader with(ReadLimits limits) {
    return new TreeReader(limits);
  }

  /** Every document of {@code text}; an empty YAML document is a null node, so indexes match the input. */
  public List<JsonNode> documents(String source, String text) {
    List<JsonNode> documents = new ArrayList<>();
    documents(source, text, documents::add);
    return documents;
  }

  /**
   * Hands every document of {@code text} to {@code sink} as soon as it is read, in order (index
   * {@code i} is the {@code i}-th call); an empty YAML document is a null node. A problem stops the
   * reading with a {@link ManifestReadException}, possibly after some documents were handed over:
   * a caller that must not act on part of an input collects what it is given and discards it then.
   */
  public void documents(String source, String text, Consumer<JsonNode> sink) {
    if (text.length() > limits.maxInputBytes()) {
      throw new ManifestReadException(List.of(InputError.ofFile(source, tooBig())));
    }
    TreeLimits bounds = new TreeLimits(
        limits.maxDocumentChars(), limits.maxDocuments(), limits.maxAliases(), limits.maxAliasNodes(), limits.maxNesting());
    try {
      if (JsonDocuments.looksLikeJson(text)) {
        JsonDocuments.read(text, bounds, sink);
      } else {
        YamlTrees.read(text, bounds, sink);
      }
    } catch (TreeReadException e) {
      throw new ManifestReadException(List.of(new InputError(source, e.document(), e.path(), e.rule())));
    }
  }

  /**
   * The one document of {@code text} ({@code {"gpus": …}}, a plan); a null node when it holds none,
   * refused when it holds several.
   */
  public JsonNode single(String source, String text) {
    List<JsonNode> docs = documents(source, text).stream().filter(d -> !d.isNull()).toList();
    if (docs.size() > 1) {
      throw new ManifestReadException(List.of(new InputError(source, OptionalInt.of(1), "",
          "holds " + docs.size() + " documents; exactly one is expected")));
    }
    return docs.isEmpty() ? NullNode.getInstance() : docs.get(0);
  }

  /** {@link #single} of a file, refused before it is read when larger than the input limit. */
  public JsonNode single(Path file) {
    return single(file.toString(), text(file));
  }

  /** {@link #single} of a stream, reading at most one byte past the input limit. */
  public JsonNode single(String source, InputStream in) {
    return single(source, text(source, in));
  }

  /** A file's text, refused before it is read when larger than the input limit. */
  public String text(Path file) {
    String name = file.toString();
    try {
      if (!Files.exists(file)) {
        throw new ManifestReadException(List.of(InputError.ofFile(name, "no such file or directory")));
      }
      if (Files.size(file) > limits.maxInputBytes()) {
        throw new ManifestReadException(List.of(InputError.ofFile(name, tooBig())));
      }
      return utf8(name, Files.readAllBytes(file));
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new ManifestReadException(List.of(InputError.ofFile(name, "cannot read: " + e.getMessage())));
    }
  }

  /** A stream's text, reading at most one byte past the input limit. */
  public String text(String source, InputStream in) {
    try {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxInputBytes() + 1));
      if (bytes.length > limits.maxInputBytes()) {
        throw new ManifestReadException(List.of(InputError.ofFile(source, tooBig())));
      }
      return utf8(source, bytes);
    } catch (IOException e) {
      throw new ManifestReadException(List.of(InputError.ofFile(source, "cannot read: " + e.getMessage())));
    }
  }

  /**
   * The text of UTF-8 bytes, or a refusal naming the first byte that is
   * not UTF-8, as kubectl's YAML reader refuses such input instead of guessing.
   */
  private static String utf8(String source, byte[] bytes) {
    java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
    java.nio.charset.CoderResult r = decoder.decode(in, out, true);
    if (r.isError()) {
      throw new ManifestReadException(List.of(InputError.ofFile(source, String.format(
          "not UTF-8 text: byte 0x%02X at offset %d does not start or continue a UTF-8 character", bytes[in.position()] & 0xFF, in.position()))));
    }
    decoder.flush(out);
    out.flip();
    return out.toString();
  }

  private String tooBig() {
    return "input is larger than the limit of " + limits.maxInputBytes() + " bytes";
  }
}
