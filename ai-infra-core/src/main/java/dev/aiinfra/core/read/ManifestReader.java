package dev.aiinfra.core.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiinfra.core.model.manifest.ApiVersions;
import dev.aiinfra.core.model.manifest.KnownKinds;
import dev.aiinfra.core.render.internal.FabricKinds;
import dev.aiinfra.core.json.Json;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads Kubernetes YAML or JSON from files, directories or standard input ({@code -}) into fabric8
 * objects: typed where fabric8 has a model, {@link GenericKubernetesResource} otherwise.
 * Multi-document YAML, concatenated JSON, JSON arrays and {@code v1 List} objects are all accepted.
 *
 * <p>A directory is read as {@code kubectl apply -f DIR} reads it: the files directly in it whose
 * names end in {@code .yaml}, {@code .yml} or {@code .json} (in any letter case), in name order;
 * sub-folders are not entered (kubectl needs {@code -R} for that). Unlike kubectl, every entry left
 * out is named ({@link ManifestInput#skipped()}).
 *
 * <p>Input is read by {@link TreeReader}, bounded by {@link ReadLimits}. Every problem in every
 * input is collected and thrown together as a {@link ManifestReadException} naming file, document,
 * field path and rule; nothing is returned from a partly broken input.
 */
public final class ManifestReader {
  /**
   * Typed kinds are bound with int-sized numbers kept as ints and quoted numbers or booleans refused
   * for number and boolean fields ({@link Json#manifests()}); CRD-backed objects still get
   * BigIntegers in their maps.
   */
  private static final ObjectMapper TREES = Json.manifests();

  public static final String STDIN = "-";
  private static final String STDIN_NAME = "<stdin>";

  private final ReadLimits limits;
  private final TreeReader trees;

  private ManifestReader(ReadLimits limits) {
    this.limits = limits;
    this.trees = TreeReader.with(limits);
  }

  public static ManifestReader withDefaults() {
    return new ManifestReader(ReadLimits.defaults());
  }

  public static ManifestReader with(ReadLimits limits) {
    return new ManifestReader(limits);
  }

  /**
   * Reads every source; {@code -} reads {@code stdin}. An input without objects gives none; folder
   * entries that are not read are left out silently (see {@link #readInput} for both).
   */
  public List<SourcedObject> read(Collection<String> sources, InputStream stdin) {
    List<InputError> errors = new ArrayList<>();
    List<SourcedObject> objects = new ArrayList<>();
    for (String source : sources) {
      readSource(source, stdin, objects, new ArrayList<>(), errors);
    }
    if (!errors.isEmpty()) {
      throw new ManifestReadException(errors);
    }
    return objects;
  }

  /**
   * Reads {@code -f} inputs as the {@code ai-infra} command does: like {@link #read(Collection,
   * InputStream)}, naming every folder entry it leaves out, and refusing inputs that together hold
   * no object at all (as {@code kubectl apply} refuses "no objects passed to apply"): an answer
   * about nothing, such as "0 objects, all valid", would hide a wrong path or an empty file. The
   * refusal names each input and why it gave nothing.
   */
  public ManifestInput readInput(Collection<String> sources, InputStream stdin) {
    List<InputError> errors = new ArrayList<>();
    List<SourcedObject> objects = new ArrayList<>();
    List<SkippedEntry> skipped = new ArrayList<>();
    List<InputError> empty = new ArrayList<>();
    for (String source : sources) {
      int objectsBefore = objects.size();
      int skippedBefore = skipped.size();
      int files = readSource(source, stdin, objects, skipped, errors);
      if (objects.size() == objectsBefore) {
        empty.add(InputError.ofFile(source.equals(STDIN) ? STDIN_NAME : source,
            nothingIn(source, files, skipped.subList(skippedBefore, skipped.size()))));
      }
    }
    if (!errors.isEmpty()) {
      throw new ManifestReadException(errors);
    }
    if (objects.isEmpty()) {
      throw new ManifestReadException(empty);
    }
    return new ManifestInput(objects, skipped);
  }

  private static String nothingIn(String source, int files, List<SkippedEntry> skipped) {
    String what = "no Kubernetes objects: ";
    if (source.equals(STDIN) || !Files.isDirectory(Path.of(source))) {
      return what + "the input is empty or holds only comments, empty documents and empty Lists";
    }
    if (files > 0) {
      return what + "its " + files + " manifest file" + (files == 1 ? " is" : "s are")
          + " empty or hold only comments, empty documents and empty Lists";
    }
    return what + "the folder holds no .yaml, .yml or .json file"
        + (skipped.isEmpty() ? "" : " (skipped: " + skipped.stream().map(SkippedEntry::path).collect(Collectors.joining(", ")) + ")");
  }

  /** Reads one {@code -f} source into {@code objects}; returns the number of files read. */
  private int readSource(String source, InputStream stdin, List<SourcedObject> objects, List<SkippedEntry> skipped, List<InputError> errors) {
    if (source.equals(STDIN)) {
      readText(STDIN_NAME, () -> trees.text(STDIN_NAME, stdin), objects, errors);
      return 1;
    }
    Path path = Path.of(source);
    if (!Files.isDirectory(path)) {
      readText(source, () -> trees.text(path), objects, errors);
      return 1;
    }
    List<Path> files = listManifests(path, skipped, errors);
    for (Path file : files) {
      readText(file.toString(), () -> trees.text(file), objects, errors);
    }
    return files.size();
  }

  public List<SourcedObject> read(Collection<String> sources) {
    return read(sources, InputStream.nullInputStream());
  }

  /** Reads text already in memory; {@code name} is used in error messages. */
  public List<SourcedObject> readString(String name, String text) {
    List<InputError> errors = new ArrayList<>();
    List<SourcedObject> objects = new ArrayList<>();
    readText(name, () -> text, objects, errors);
    if (!errors.isEmpty()) {
      throw new ManifestReadException(errors);
    }
    return objects;
  }

  /**
   * The manifest files directly in {@code dir}, in name order; every other entry goes to {@code
   * skipped} with its reason. The extension is matched in any letter case ({@code POD.YAML} is a
   * manifest too: leaving it out would be a silent loss, and no other reading of it is plausible).
   */
  private List<Path> listManifests(Path dir, List<SkippedEntry> skipped, List<InputError> errors) {
    List<Path> entries;
    try (Stream<Path> list = Files.list(dir)) {
      entries = list.sorted().collect(Collectors.toList());
    } catch (IOException | java.io.UncheckedIOException e) {
      errors.add(InputError.ofFile(dir.toString(), "cannot list directory: " + e.getMessage()));
      return List.of();
    }
    List<Path> files = new ArrayList<>();
    for (Path entry : entries) {
      boolean manifestName = entry.getFileName().toString().toLowerCase(java.util.Locale.ROOT).matches(".*\\.(ya?ml|json)");
      if (Files.isDirectory(entry)) {
        skipped.add(new SkippedEntry(entry + java.io.File.separator,
            "a sub-folder; -f DIR reads only the files directly in DIR (as kubectl does without -R): give the sub-folder its own -f"));
      } else if (!manifestName) {
        skipped.add(new SkippedEntry(entry.toString(), "not a .yaml, .yml or .json file"));
      } else if (!Files.isRegularFile(entry)) {
        skipped.add(new SkippedEntry(entry.toString(), "not a regular file"));
      } else {
        files.add(entry);
      }
    }
    return files;
  }

  /**
   * Converts each document as soon as it is read (its tree dies young, which halves the garbage
   * collector's work on large inputs); objects and conversion errors of an input that turns out
   * to be unreadable further on are dropped, and only the reading error is reported.
   */
  private void readText(String name, Supplier<String> source, List<SourcedObject> objects, List<InputError> errors) {
    List<SourcedObject> read = new ArrayList<>();
    List<InputError> invalid = new ArrayList<>();
    int[] index = {0};
    try {
      trees.documents(name, source.get(), doc -> {
        int i = index[0]++;
        if (doc.isNull() || doc.isMissingNode()) {
          return; // an empty document between separators
        }
        if (isList(doc)) {
          JsonNode items = doc.get("items");
          for (int j = 0; j < items.size(); j++) {
            convert(name, i, "items[" + j + "]", items.get(j), read, invalid);
          }
        } else {
          convert(name, i, "", doc, read, invalid);
        }
      });
    } catch (ManifestReadException e) {
      errors.addAll(e.errors());
      return;
    }
    objects.addAll(read);
    errors.addAll(invalid);
  }

  private static boolean isList(JsonNode doc) {
    return doc.isObject()
        && "List".equals(doc.path("kind").asText())
        && doc.path("apiVersion").asText().equals("v1")
        && doc.path("items").isArray();
  }

  private void convert(
      String name, int index, String prefix, JsonNode doc, List<SourcedObject> objects, List<InputError> errors) {
    String at = prefix.isEmpty() ? "" : prefix + ".";
    if (!doc.isObject()) {
      errors.add(InputError.of(name, index, prefix,
          "a Kubernetes object must be a mapping with apiVersion and kind, not " + nodeType(doc)));
      return;
    }
    String apiVersion = textField(doc, "apiVersion");
    String kind = textField(doc, "kind");
    int before = errors.size();
    if (apiVersion == null) {
      errors.add(InputError.of(name, index, at + "apiVersion", "Required value: every object needs an apiVersion"));
    }
    if (kind == null) {
      errors.add(InputError.of(name, index, at + "kind", "Required value: every object needs a kind"));
    }
    JsonNode metadata = doc.get("metadata");
    if (metadata != null && !metadata.isObject()) {
      errors.add(InputError.of(name, index, at + "metadata", "Invalid value: must be an object"));
    } else if (!limits.allowUnnamed() && textField(metadata, "name") == null && textField(metadata, "generateName") == null) {
      errors.add(InputError.of(name, index, at + "metadata.name", "Required value: name or generateName is required"));
    }
    if (errors.size() > before) {
      return;
    }
    Optional<Class<? extends HasMetadata>> type = FabricKinds.get().type(apiVersion, kind);
    if (type.isEmpty() && !limits.allowUnknownKinds()) {
      Optional<InputError> unknown = checkKnown(name, index, at, apiVersion, kind);
      if (unknown.isPresent()) {
        errors.add(unknown.get());
        return;
      }
    }
    Class<? extends HasMetadata> cls = type.orElse(GenericKubernetesResource.class);
    try {
      HasMetadata object = (cls == GenericKubernetesResource.class ? Json.mapper() : TREES).treeToValue(doc, cls);
      objects.add(new SourcedObject(name, index, object));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      errors.add(InputError.of(name, index, at + TreeBinding.field(e), TreeBinding.rule(e, doc)));
    }
  }

  private static Optional<InputError> checkKnown(String name, int index, String at, String apiVersion, String kind) {
    String group = ApiVersions.group(apiVersion);
    String version = ApiVersions.version(apiVersion);
    if (KnownKinds.governs(group)) {
      Optional<Set<String>> versions = KnownKinds.versions(group, kind);
      if (versions.isPresent()) {
        if (versions.get().contains(version)) {
          return Optional.empty();
        }
        return Optional.of(InputError.of(name, index, at + "apiVersion",
            "Unsupported value: \"" + apiVersion + "\": " + kind + " is served as "
                + versions.get().stream().sorted().map(v -> group + "/" + v).collect(Collectors.joining(", "))));
      }
      return Optional.of(unknownKind(name, index, at, apiVersion, kind, KnownKinds.kinds(group)));
    }
    if (FabricKinds.get().governs(group)) {
      return Optional.of(unknownKind(name, index, at, apiVersion, kind, FabricKinds.get().kinds(group)));
    }
    return Optional.empty();
  }

  private static InputError unknownKind(String name, int index, String at, String apiVersion, String kind, Set<String> known) {
    String group = ApiVersions.group(apiVersion);
    return InputError.of(name, index, at + "kind",
        "Unsupported value: \"" + kind + "\": no kind \"" + kind + "\" is registered for version \"" + apiVersion
            + "\"; kinds in group " + (group.isEmpty() ? "core" : group) + ": "
            + String.join(", ", new TreeSet<>(known)));
  }

  private static String textField(JsonNode node, String field) {
    if (node == null || !node.isObject()) {
      return null;
    }
    JsonNode v = node.get(field);
    return v != null && v.isTextual() && !v.asText().isEmpty() ? v.asText() : null;
  }

  private static String nodeType(JsonNode n) {
    if (n.isArray()) {
      return "a list";
    }
    if (n.isTextual()) {
      return "a string";
    }
    if (n.isNumber()) {
      return "a number";
    }
    if (n.isBoolean()) {
      return "a boolean";
    }
    return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }


}
