package dev.aiinfra.core.render.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.validation.NameRules;
import dev.aiinfra.core.model.validation.Violations;
import dev.aiinfra.core.render.PodTemplateSite;
import dev.aiinfra.core.render.PodTemplates;
import dev.aiinfra.core.render.dns.PodDnsTrees;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The object rules of ai-infra-core: object metadata, containers and restart policy of every pod template, pod DNS. */
public final class CoreRules {
  /** Kinds whose name becomes a DNS label of a Service and so must be a DNS-1035 label. */
  private static final Set<String> DNS1035_NAMED = Set.of("Service", "LeaderWorkerSet");
  private static final int MAX_ANNOTATIONS_BYTES = 256 * 1024;
  /** The API server cuts a generateName to 58 characters and appends five random ones. */
  private static final int MAX_GENERATED_PREFIX = 58;
  /** Stands for the random part: any five of the generator's lower-case alphanumerics validate alike. */
  private static final String GENERATED_SUFFIX = "bcd2f";
  /** CronJob names leave 11 characters for the Job suffix within a 63-character label. */
  private static final int MAX_CRONJOB_NAME = 52;
  private static final int JOB_NAME_LABELS = 2;
  private static final String JOB_NAME_LABEL = "job-name";
  private static final String BATCH_JOB_NAME_LABEL = "batch.kubernetes.io/job-name";
  private static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

  private CoreRules() {}

  public static List<ObjectRule> all() {
    return List.of(CoreRules::metadata, CoreRules::containers, CoreRules::podDns);
  }

  /**
   * Name, generateName, namespace, label and annotation rules of {@code ObjectMeta}. A missing
   * name with a generateName is checked as the API server generates it (the prefix cut to 58
   * characters plus five lower-case alphanumerics).
   */
  public static List<FieldViolation> metadata(ObjectNode object) {
    Violations v = new Violations();
    String kind = object.path("kind").asText();
    JsonNode meta = object.path("metadata");
    FieldPath at = FieldPath.of("metadata");
    Function<String, List<String>> nameRule = nameRule(kind, object.path("apiVersion").asText());
    String generateName = meta.path("generateName").asText("");
    // ReplicationController's ValidateObjectMetaWithOpts checks only the generated name.
    if (!generateName.isEmpty() && !(kind.equals("ReplicationController") && group(object).isEmpty())) {
      v.checkName(at.child("generateName"), generateName, nameRule.apply(maskTrailingDash(generateName)));
    }
    String name = meta.path("name").asText("");
    if (name.isEmpty() && !generateName.isEmpty()) {
      name = generateName.substring(0, Math.min(generateName.length(), MAX_GENERATED_PREFIX)) + GENERATED_SUFFIX;
    }
    if (name.isEmpty()) {
      v.required(at.child("name"), "name or generateName is required");
    } else {
      v.checkName(at.child("name"), name, nameRule.apply(name));
      if (kind.equals("CronJob") && "batch".equals(group(object)) && name.length() > MAX_CRONJOB_NAME) {
        v.invalid(at.child("name"), name, "must be no more than " + MAX_CRONJOB_NAME + " characters");
      }
    }
    String namespace = meta.path("namespace").asText("");
    if (!namespace.isEmpty()) {
      v.checkName(at.child("namespace"), namespace, NameRules.dns1123Label(namespace));
    }
    Map<String, String> labels = texts(meta.path("labels"));
    if (labels.isEmpty() && (kind.equals("Job") && group(object).equals("batch")
        || kind.equals("ReplicationController") && group(object).isEmpty())) {
      // SetDefaults_Job / SetDefaults_ReplicationController: an unlabelled owner takes its template's labels.
      labels = texts(object.path("spec").path("template").path("metadata").path("labels"));
      if (kind.equals("Job") && !labels.isEmpty() && !object.path("spec").path("manualSelector").asBoolean(false)) {
        // It takes the template's label map itself, not a copy: the job-name labels the strategy
        // then adds to the template are the Job's labels too, and checked there as well.
        labels.putIfAbsent(JOB_NAME_LABEL, jobName(object));
        labels.putIfAbsent(BATCH_JOB_NAME_LABEL, jobName(object));
      }
    }
    if (kind.equals("Namespace") && object.path("apiVersion").asText().equals("v1") && !meta.path("name").asText("").isEmpty()) {
      // SetDefaults_Namespace labels a named namespace with its own name.
      labels.put(NAMESPACE_NAME_LABEL, meta.path("name").asText());
    }
    labelsAndAnnotations(labels, meta.path("annotations"), at, v);
    return v.list();
  }

  /**
   * Key and value errors of labels are both reported at {@code labels} (ValidateLabels);
   * annotation keys (case-insensitive qualified names) and their total size at {@code annotations}.
   */
  private static void labelsAndAnnotations(Map<String, String> labels, JsonNode annotations, FieldPath at, Violations v) {
    for (Map.Entry<String, String> e : labels.entrySet()) {
      v.checkName(at.child("labels"), e.getKey(), NameRules.qualifiedName(e.getKey()));
      v.checkName(at.child("labels"), e.getValue(), NameRules.labelValue(e.getValue()));
    }
    int annotationBytes = 0;
    Iterator<Map.Entry<String, JsonNode>> it = annotations.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      v.checkName(at.child("annotations"), e.getKey(), NameRules.qualifiedName(e.getKey().toLowerCase(java.util.Locale.ROOT)));
      annotationBytes += e.getKey().length() + e.getValue().asText().length();
    }
    if (annotationBytes > MAX_ANNOTATIONS_BYTES) {
      v.tooLong(at.child("annotations"), MAX_ANNOTATIONS_BYTES);
    }
  }

  private static Map<String, String> texts(JsonNode map) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    map.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  private static Function<String, List<String>> nameRule(String kind, String apiVersion) {
    if (kind.equals("Namespace") && apiVersion.equals("v1")) {
      return NameRules::dns1123Label;
    }
    if (kind.equals("StatefulSet") && apiVersion.startsWith("apps/")) {
      return NameRules::dns1123Label; // its pods' host names are NAME-ORDINAL
    }
    if (DNS1035_NAMED.contains(kind) && !apiVersion.contains(".")) {
      return NameRules::dns1035Label;
    }
    if (kind.equals("LeaderWorkerSet")) {
      return NameRules::dns1035Label;
    }
    return NameRules::dns1123Subdomain;
  }

  /**
   * A generateName prefix may end in '-'. The API server's maskTrailingDash replaces the last two
   * characters (the dash and the one before it) with "a" before checking; ai-infra does the same so
   * that its verdicts match.
   */
  private static String maskTrailingDash(String prefix) {
    return prefix.length() > 1 && prefix.endsWith("-") ? prefix.substring(0, prefix.length() - 2) + "a" : prefix;
  }

  private static String group(ObjectNode object) {
    String apiVersion = object.path("apiVersion").asText();
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  /**
   * Every pod template's containers (names, images, ports, env names, resources, pull and
   * termination-message policies, probes) and its restart policy, as {@link ContainerRules} checks
   * them, and a template's own labels and annotations.
   */
  public static List<FieldViolation> containers(ObjectNode object) {
    Violations v = new Violations();
    String owner = group(object) + "/" + object.path("kind").asText();
    List<PodTemplateSite> sites = PodTemplates.find(object);
    for (PodTemplateSite site : sites) {
      v.addAll(ContainerRules.podSpec(site.podSpec(), FieldPath.of(site.path()), owner));
      v.addAll(PodLevelResourceRules.podSpec(site.podSpec(), FieldPath.of(site.path()), owner.equals("/Pod")));
      if (site.path().endsWith(".spec")) {
        // A template's own labels and annotations, reported at TEMPLATE.labels / TEMPLATE.annotations.
        FieldPath template = FieldPath.of(site.path().substring(0, site.path().length() - ".spec".length()));
        labelsAndAnnotations(texts(site.podMetadata().path("labels")), site.podMetadata().path("annotations"), template, v);
      }
    }
    if (owner.equals("batch/Job") && !object.path("spec").path("manualSelector").asBoolean(false)) {
      // The Job strategy labels the template with the Job's name (job-name and
      // batch.kubernetes.io/job-name) before validation; a name that is no label value fails there.
      String name = jobName(object);
      for (int i = 0; i < JOB_NAME_LABELS; i++) {
        v.checkName(FieldPath.of("spec.template.labels"), name, NameRules.labelValue(name));
      }
    }
    for (String path : PodTemplates.missing(object)) {
      // The API server checks an absent pod spec as an empty one (containers: Required value);
      // for a CRD-backed workload it is a workload without pods, which every command refuses.
      v.addAll(ContainerRules.podSpec(JsonNodeFactory.instance.objectNode(), FieldPath.of(path), owner));
    }
    return v.list();
  }

  private static String jobName(ObjectNode object) {
    JsonNode meta = object.path("metadata");
    String name = meta.path("name").asText("");
    String generateName = meta.path("generateName").asText("");
    if (name.isEmpty() && !generateName.isEmpty()) {
      return generateName.substring(0, Math.min(generateName.length(), MAX_GENERATED_PREFIX)) + GENERATED_SUFFIX;
    }
    return name;
  }

  /** {@code dnsPolicy} and {@code dnsConfig} of every pod template (validatePodDNSConfig). */
  public static List<FieldViolation> podDns(ObjectNode object) {
    Violations v = new Violations();
    String ns = object.path("metadata").path("namespace").asText("default");
    for (PodTemplateSite site : PodTemplates.find(object)) {
      v.addAll(PodDnsTrees.read(site.podSpec(), ns, FieldPath.of(site.path())).violations());
    }
    return v.list();
  }
}
